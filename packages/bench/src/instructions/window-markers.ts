import { loadavg, uptime } from "node:os";

/*
 * The target's side of callgrind's window bounds (see `WINDOW_START_SYMBOL`
 * and `WINDOW_END_SYMBOL` in `callgrind.ts`): each call enters one libuv
 * function that callgrind watches. Called in the target only, right around
 * the counted operations.
 */

/** Callgrind zeroes its counters here (`--zero-before=uv_loadavg`). */
export function markWindowStart(): void {
  loadavg();
}

/** Callgrind dumps what it counted since the start marker here (`--dump-before=uv_uptime`). */
export function markWindowEnd(): void {
  uptime();
}
