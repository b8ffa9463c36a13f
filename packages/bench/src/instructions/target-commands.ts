import { z } from "zod";
import { ZStackKind } from "../ipc/server-commands";

/** What the instruction counter asks its target server (running under callgrind) to do. */
export const ZTargetCommand = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start"), stack: ZStackKind }),
  /**
   * One broadcast of the 100-byte benchmark payload to the fan-out channel. With `deliver: false`
   * the server only answers: the same IPC round trip with no broadcast, counted to be subtracted.
   */
  z.object({ kind: z.literal("broadcast"), step: z.number().int().min(0), deliver: z.boolean() }),
  /** Full garbage collections, so every counting window starts from the same heap. */
  z.object({ kind: z.literal("gc") }),
]);
export type TTargetCommand = z.infer<typeof ZTargetCommand>;

export const ZTargetStarted = z.object({ port: z.number().int().positive() });
