import { z } from "zod";
import { ZStackKind } from "../ipc/server-commands";

const ZStep = z.number().int().min(0);
const ZCount = z.number().int().min(0);

/**
 * What a target-side broadcast sends: one message to the fan-out room, one to a single user's
 * own channel (scenario 2's operation), or nothing (the same pacing with no broadcast,
 * counted to be subtracted).
 */
const ZBroadcastKind = z.enum(["fan-out", "targeted", "none"]);
export type TBroadcastKind = z.infer<typeof ZBroadcastKind>;

/** What the instruction counter asks its target server (running under callgrind) to do. */
export const ZTargetCommand = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), stack: ZStackKind }),
  /** Unmarked broadcasts of the 100-byte benchmark payload to the fan-out channel (warm-up), steps `firstStep`... */
  z.object({ kind: z.literal("broadcasts"), broadcast: ZBroadcastKind, userId: z.string(), firstStep: ZStep, count: ZCount }),
  /**
   * One counted broadcast window, all inside the target: `rewarmOps` unmarked broadcasts, the start marker, `ops` broadcasts, the end marker (which writes the dump).
   */
  z.object({
    kind: z.literal("broadcast-window"),
    broadcast: ZBroadcastKind,
    userId: z.string(),
    firstStep: ZStep,
    rewarmOps: ZCount,
    ops: z.number().int().min(1),
  }),
  /** One window marker, for paths the driver runs from outside (inbound publishes). */
  z.object({ kind: z.literal("mark"), edge: z.enum(["start", "end"]) }),
  /** Full garbage collections, so every counting window starts from the same heap. */
  z.object({ kind: z.literal("gc") }),
]);
export type TTargetCommand = z.infer<typeof ZTargetCommand>;

export const ZTargetStarted = z.object({ port: z.number().int().positive() });
