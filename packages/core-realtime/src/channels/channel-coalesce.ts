/**
 * Opt-in coalescing (Centrifugo's write delay and messages-per-frame limit):
 * messages published to one concrete channel within `delayMs` of the first
 * are written to its subscribers as one `realtime:message-batch` frame,
 * encoded once for the whole room, at most `maxBatch` messages per frame.
 */
export interface ChannelCoalesceOptions {
  /** How long the first message of a window waits for company, in milliseconds (integer, 1-1000). */
  readonly delayMs: number;
  /** Messages per frame; a full frame is written at once (integer, 2-1000). */
  readonly maxBatch: number;
}

/** The bounds `defineRealtimeChannel` checks: a longer delay is latency no page wants, a bigger batch a frame no client should parse in one go. */
const CHANNEL_COALESCE_BOUNDS = Object.freeze({
  delayMs: Object.freeze({ min: 1, max: 1_000 }),
  maxBatch: Object.freeze({ min: 2, max: 1_000 }),
});

/** A channel declared with a `coalesce` option out of bounds; `option` names the offending field. */
export class ChannelCoalesceError extends Error {
  override readonly name = "ChannelCoalesceError";
  readonly code = "INVALID_COALESCE";

  constructor(
    readonly channel: string,
    readonly option: keyof ChannelCoalesceOptions,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a channel's `coalesce` option at definition time and returns a frozen
 * copy; throws `ChannelCoalesceError` when a field is not an integer within
 * `CHANNEL_COALESCE_BOUNDS`, so a typo fails at import time, not under load.
 *
 * @example
 * checkCoalesceOptions("ticker", { delayMs: 20, maxBatch: 64 }); // { delayMs: 20, maxBatch: 64 }
 */
export function checkCoalesceOptions(channel: string, options: ChannelCoalesceOptions): ChannelCoalesceOptions {
  for (const option of ["delayMs", "maxBatch"] as const) {
    const value: unknown = options[option];
    const { min, max } = CHANNEL_COALESCE_BOUNDS[option];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new ChannelCoalesceError(channel, option, `Channel "${channel}": coalesce.${option} must be an integer in ${min}..${max}, got ${String(value)}`);
    }
  }
  return Object.freeze({ delayMs: options.delayMs, maxBatch: options.maxBatch });
}
