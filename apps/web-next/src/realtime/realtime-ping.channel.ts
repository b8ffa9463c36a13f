import { defineRealtimeChannel } from "@repo/core-realtime";
import { z } from "zod";

const ZRealtimePingTick = z.object({ serverTime: z.number(), instanceId: z.string() });
export type TRealtimePingTick = z.infer<typeof ZRealtimePingTick>;

const ZRealtimePingRequest = z.object({ clientTime: z.number() });

/** What the `ping` handler acks with, so a page can compute round-trip time. */
export const ZRealtimePingReply = z.object({ serverTime: z.number(), clientTime: z.number() });
export type TRealtimePingReply = z.infer<typeof ZRealtimePingReply>;

/**
 * The built-in proof-of-life channel (ADR-016): a per-instance server tick
 * (`{ serverTime, instanceId }`, broadcast `local`) and an inbound ping whose
 * ack carries `{ serverTime, clientTime }`. Public: no sign-in needed.
 *
 * @example
 * const reply = ZRealtimePingReply.parse(await client.publish(realtimePingChannel, {}, { clientTime: Date.now() }));
 * const roundTripMs = Date.now() - reply.clientTime;
 */
export const realtimePingChannel = defineRealtimeChannel({
  name: "realtime-ping",
  scope: "public",
  schema: ZRealtimePingTick,
  inbound: ZRealtimePingRequest,
  description: "Server tick and round-trip probe",
});
