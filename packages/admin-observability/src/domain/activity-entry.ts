import type { EventMeta } from "@repo/core-events";
import { z } from "zod";

/** Longest string value an entry keeps (error messages, ids). */
export const ACTIVITY_DETAIL_MAX_LENGTH = 120;
/** Most fields an entry keeps from its event payload. */
export const ACTIVITY_DETAIL_MAX_FIELDS = 8;

export const ZActivityEntry = z.object({
  /** The bus publish id: the same for every consumer of one publish, so clients can de-duplicate. */
  id: z.string().min(1),
  /** The event name (`article.published`, `job:completed`). */
  name: z.string().min(1),
  kind: z.enum(["event", "job"]),
  /** Epoch milliseconds the event was published. */
  at: z.number(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type TActivityEntry = z.infer<typeof ZActivityEntry>;

/** Strings kept only under these keys: identifiers and job outcomes, never titles, bodies or free text. */
function keepsString(key: string): boolean {
  return key === "id" || key === "job" || key === "error" || /^[a-z][A-Za-z0-9]*Id$/.test(key);
}

/**
 * The dashboard's view of one bus event: its name, when, and the identifiers
 * and numbers of its payload. Free text (titles, bodies) is dropped, so the
 * admin log shows traffic without repeating users' content.
 *
 * @example
 * toActivityEntry("notification:sent", { notificationId: "n1", userId: "bob", unreadCount: 2 }, meta);
 * // { id: meta.id, name: "notification:sent", kind: "event", at: meta.publishedAt, detail: { notificationId: "n1", userId: "bob", unreadCount: 2 } }
 */
export function toActivityEntry(name: string, payload: unknown, meta: Pick<EventMeta, "id" | "publishedAt">): TActivityEntry {
  const detail: Record<string, string | number | boolean> = {};
  if (typeof payload === "object" && payload !== null) {
    for (const [key, value] of Object.entries(payload)) {
      if (Object.keys(detail).length >= ACTIVITY_DETAIL_MAX_FIELDS) break;
      if (typeof value === "number" && Number.isFinite(value)) detail[key] = value;
      else if (typeof value === "boolean") detail[key] = value;
      else if (typeof value === "string" && keepsString(key)) detail[key] = value.slice(0, ACTIVITY_DETAIL_MAX_LENGTH);
    }
  }
  return { id: meta.id, name, kind: name.startsWith("job:") ? "job" : "event", at: meta.publishedAt, detail };
}
