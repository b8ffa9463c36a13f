import { nowMs, sleep } from "./clock";

/** Most items sent in one go before yielding to I/O, so a lagging loop cannot starve the sockets it writes to. */
const MAX_BURST = 2_000;

export interface PacedRun {
  readonly sent: number;
  readonly elapsedMs: number;
}

/**
 * Calls `send(index, dueAt)` at `perSecond` for `durationMs`. `dueAt` is when
 * the item was scheduled, not when the loop got to it: a publisher that falls
 * behind shows up as latency instead of silently sending less (coordinated
 * omission would otherwise hide exactly the overload being looked for).
 *
 * @example
 * await runPaced(1_000, 2_000, (i, dueAt) => stack.fanOut(payloadOf(100, step, dueAt)));
 */
export async function runPaced(perSecond: number, durationMs: number, send: (index: number, dueAt: number) => void): Promise<PacedRun> {
  const total = Math.max(1, Math.round((perSecond * durationMs) / 1000));
  const interval = 1000 / perSecond;
  const started = nowMs();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor((nowMs() - started) / interval) + 1);
    const burstEnd = Math.min(due, sent + MAX_BURST);
    while (sent < burstEnd) {
      send(sent, started + sent * interval);
      sent++;
    }
    if (sent < total) await sleep(Math.max(0, started + sent * interval - nowMs()));
  }
  // The scheduled span, not the time of the last send: `total` items at `perSecond` take `total / perSecond`.
  return { sent, elapsedMs: Math.max(nowMs() - started, total * interval) };
}
