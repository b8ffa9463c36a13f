import { z } from "zod";

export const ZStackKind = z.enum(["ours", "baseline"]);

/** What the orchestrator asks a server process to do. */
export const ZServerCommand = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("start"),
    stack: ZStackKind,
    redis: z.object({ url: z.string(), keyPrefix: z.string().min(1) }).optional(),
    unlimitedInbound: z.boolean().optional(),
    coalesce: z.object({ delayMs: z.number().int(), maxBatch: z.number().int() }).optional(),
  }),
  z.object({
    kind: z.literal("publish"),
    /** `fanout`: the one channel; `users`: round-robin over users u<from>..u<from+count-1>. */
    target: z.discriminatedUnion("to", [
      z.object({ to: z.literal("fanout") }),
      z.object({ to: z.literal("users"), from: z.number().int().min(0), count: z.number().int().min(1) }),
    ]),
    messagesPerSecond: z.number().positive(),
    durationMs: z.number().int().positive(),
    payloadBytes: z.number().int().min(0),
    step: z.number().int().min(0),
  }),
  /** CPU used since the previous `cpu` command (the first one only starts the clock). */
  z.object({ kind: z.literal("cpu") }),
  /** Collect garbage twice, then read memory. */
  z.object({ kind: z.literal("memory") }),
  z.object({ kind: z.literal("sockets") }),
]);
export type TServerCommand = z.infer<typeof ZServerCommand>;

export const ZStarted = z.object({ port: z.number().int().positive() });
export const ZPublished = z.object({ sent: z.number().int(), elapsedMs: z.number(), errors: z.number().int() });
export const ZCpu = z.object({ cpuMicros: z.number(), loopDelayMaxMs: z.number() });
export const ZMemory = z.object({ rss: z.number(), heapUsed: z.number(), external: z.number() });
export const ZSockets = z.object({ connected: z.number().int() });
