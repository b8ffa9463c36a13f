import { z } from "zod";

/** Where a page of `polls.list` ended: the last row's sort key (`createdAt`, then id, both descending). */
export interface PollCursor {
  readonly createdAt: number;
  readonly id: string;
}

const ZCursorJson = z.tuple([z.number().int().min(0), z.string().min(1).max(200)]);

/**
 * The cursor as the client sees it: opaque base64url text.
 *
 * @example
 * encodePollCursor({ createdAt: 5_000, id: "p1" }); // "WzUwMDAsInAxIl0"
 */
export function encodePollCursor(cursor: PollCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/**
 * `polls.list`'s `cursor` input: anything that is not a cursor this server
 * wrote is a 400 (`BAD_REQUEST`, "Invalid cursor"), never a crash.
 */
export const ZPollCursor = z
  .string()
  .max(400)
  .transform((text, ctx): PollCursor => {
    try {
      const [createdAt, id] = ZCursorJson.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
      return { createdAt, id };
    } catch {
      // Not logged: a malformed cursor is the client's mistake, answered as a validation issue.
      ctx.addIssue({ code: "custom", message: "Invalid cursor" });
      return z.NEVER;
    }
  });
