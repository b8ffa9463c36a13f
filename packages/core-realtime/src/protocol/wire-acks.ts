import { z } from "zod";
import type { RealtimeErrorBody } from "./errors";
import type { ErrorAck, PresenceAck, PublishAck, SubscribeAck } from "./wire-protocol";

/**
 * Zod schemas of the acks in `wire-protocol.ts`, for whoever reads one back
 * (the client, a shared idempotency store). Objects are not strict: a newer
 * server may add fields (ADR-018: extend, never rename), and they are dropped.
 */
const ZRealtimeErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  retryAfterMs: z.number().optional(),
}) satisfies z.ZodType<RealtimeErrorBody>;

const ZErrorAck = z.object({ ok: z.literal(false), error: ZRealtimeErrorBody }) satisfies z.ZodType<ErrorAck>;

export const ZSubscribeAck = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    channel: z.string(),
    recovered: z.boolean().optional(),
    seq: z.number().int().min(0).optional(),
    epoch: z.string().optional(),
  }),
  ZErrorAck,
]) satisfies z.ZodType<SubscribeAck>;

export const ZPublishAck = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), result: z.unknown().optional(), duplicate: z.boolean().optional() }),
  ZErrorAck,
]) satisfies z.ZodType<PublishAck>;

export const ZPresenceAck = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    channel: z.string(),
    // Profile fields are additions (ADR-018): kept when present, so parsing does not strip the names.
    members: z.array(z.object({ userId: z.string(), connections: z.number(), displayName: z.string().optional(), roles: z.array(z.string()).optional() })),
  }),
  ZErrorAck,
]) satisfies z.ZodType<PresenceAck>;
