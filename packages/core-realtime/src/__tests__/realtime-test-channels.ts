import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeHandlerRegistry } from "../handlers/handler-registry";
import type { RealtimeHandlerContext } from "../handlers/realtime-handler-registry";
import { contractChannels, contractRegistry } from "./broadcaster-contract";

/** A user-scoped channel with replay history. */
export const inboxChannel = defineRealtimeChannel({
  name: "inbox.{userId}",
  scope: { userScoped: "userId" },
  schema: z.object({ n: z.number() }),
  history: { size: 5, ttlSeconds: 60 },
});

/** Signed-in users see who else is in the room; the last 50 messages replay on reconnect. */
export const roomChannel = defineRealtimeChannel({
  name: "room.{roomId}",
  scope: "authenticated",
  schema: z.object({ n: z.number(), from: z.string().optional() }),
  history: { size: 50, ttlSeconds: 60 },
  presence: true,
});

/** Coalesced (ADR-018 `realtime:message-batch`) with replay history: a full frame at 5 messages, else after 40 ms. */
export const tickerChannel = defineRealtimeChannel({
  name: "ticker.{market}",
  scope: "public",
  schema: z.object({ n: z.number(), from: z.string().optional() }),
  history: { size: 200, ttlSeconds: 60 },
  coalesce: { delayMs: 40, maxBatch: 5 },
});

/** Only holders of the `staff` role; presence shows their roles (the scope allows it). */
const staffRoomChannel = defineRealtimeChannel({
  name: "staff.{roomId}",
  scope: { role: "staff" },
  schema: z.object({ n: z.number() }),
  presence: true,
});

const labAction = z.strictObject({
  action: z.enum(["echo", "throw", "domain-error", "slow", "broadcast", "broadcast-others"]),
  text: z.string().max(4096).optional(),
  delayMs: z.number().int().min(0).max(5000).optional(),
});

/** A public channel clients publish to; the handler does whatever `action` says. */
const labChannel = defineRealtimeChannel({
  name: "lab.{roomId}",
  scope: "public",
  schema: z.object({ text: z.string(), from: z.string().nullable() }),
  inbound: labAction,
});

/** Signed-in users only, with an inbound handler. */
const membersChatChannel = defineRealtimeChannel({
  name: "chat.members",
  scope: "authenticated",
  schema: z.object({ text: z.string() }),
  inbound: z.object({ text: z.string() }),
});

export interface LabCalls {
  /** Every handler invocation, in order. */
  readonly invocations: { readonly channel: string; readonly action: string; readonly socketId: string; readonly messageId: string | undefined }[];
}

async function runLab(
  payload: z.output<typeof labAction>,
  ctx: RealtimeHandlerContext<typeof labChannel>,
  calls: LabCalls,
): Promise<unknown> {
  calls.invocations.push({ channel: ctx.channel, action: payload.action, socketId: ctx.socketId, messageId: ctx.messageId });
  switch (payload.action) {
    case "echo":
      return { echoed: payload.text ?? null, userId: ctx.userId, params: { ...ctx.params } };
    case "throw":
      throw new Error("database exploded at /srv/secret/path");
    case "domain-error":
      throw new RealtimeError("POLL_CLOSED", "This poll no longer accepts votes");
    case "slow":
      await new Promise((resolve) => setTimeout(resolve, payload.delayMs ?? 200));
      return "done";
    case "broadcast":
    case "broadcast-others": {
      const receipt = await ctx.broadcast(
        { text: payload.text ?? "", from: ctx.userId },
        { toOthers: payload.action === "broadcast-others" },
      );
      return { delivered: receipt.delivered };
    }
  }
}

/** The contract channels plus the channels above, with a recording lab handler. */
export function createTestRegistry(): { readonly registry: RealtimeHandlerRegistry; readonly calls: LabCalls } {
  const registry = contractRegistry();
  const calls: LabCalls = { invocations: [] };
  registry.registerChannel(inboxChannel);
  registry.registerChannel(roomChannel);
  registry.registerChannel(tickerChannel);
  registry.registerChannel(staffRoomChannel);
  registry.register(labChannel, (payload, ctx) => runLab(payload, ctx, calls));
  registry.register(membersChatChannel, (payload) => ({ received: payload.text }));
  return { registry, calls };
}

export { contractChannels };
