import { z } from "zod";
import { ZStackKind } from "./server-commands";

const ZBuckets = z.array(z.tuple([z.number().int(), z.number().int()]));

/** What the orchestrator asks a load driver to do. */
export const ZDriverCommand = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("connect"),
    stack: ZStackKind,
    url: z.string(),
    /** Users u<from>..u<from+count-1>, one connection each, authenticated by token. */
    from: z.number().int().min(0),
    count: z.number().int().min(1),
    subscribe: z.enum(["fanout", "own-user", "none"]),
    /** Connections opened at once. */
    concurrency: z.number().int().min(1),
    timeoutMs: z.number().int().positive(),
  }),
  /** Start counting a new step: messages of other steps are counted as stale. */
  z.object({ kind: z.literal("begin-step"), step: z.number().int().min(0) }),
  z.object({ kind: z.literal("step-report") }),
  z.object({ kind: z.literal("status") }),
  /** This driver's CPU (user + system) since the previous `cpu` command: the clients' share of a step. */
  z.object({ kind: z.literal("cpu") }),
  /** Inbound scenario: publish from every connection in turn, measuring the ack round trip. */
  z.object({
    kind: z.literal("publish"),
    messagesPerSecond: z.number().positive(),
    durationMs: z.number().int().positive(),
    payloadBytes: z.number().int().min(0),
    step: z.number().int().min(0),
    ackTimeoutMs: z.number().int().positive(),
  }),
]);
export type TDriverCommand = z.infer<typeof ZDriverCommand>;

export const ZConnected = z.object({ connected: z.number().int(), subscribed: z.number().int() });
export const ZStatus = z.object({ connected: z.number().int(), subscribed: z.number().int(), reconnects: z.number().int() });
export const ZDriverCpu = z.object({ cpuMicros: z.number() });
export const ZStepReport = z.object({
  received: z.number().int(),
  stale: z.number().int(),
  buckets: ZBuckets,
  maxMicros: z.number(),
});
export const ZPublishReport = z.object({
  sent: z.number().int(),
  acked: z.number().int(),
  failed: z.number().int(),
  elapsedMs: z.number(),
  buckets: ZBuckets,
  maxMicros: z.number(),
});
