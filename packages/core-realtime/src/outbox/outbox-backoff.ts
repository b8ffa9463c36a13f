export interface OutboxBackoff {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Longest delay between retries. */
  readonly maxMs: number;
}

export const DEFAULT_OUTBOX_BACKOFF: OutboxBackoff = { initialMs: 250, maxMs: 30_000 };

/**
 * Exponential backoff: the delay before attempt `attempts + 1`, after
 * `attempts` failures (1, 2, 3 ... give initial, 2x, 4x ..., capped at max).
 *
 * @example
 * retryDelayMs(3, { initialMs: 250, maxMs: 30_000 }); // 1000
 */
export function retryDelayMs(attempts: number, backoff: OutboxBackoff = DEFAULT_OUTBOX_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
}
