/**
 * Tells a relay that records were committed (PostgreSQL `LISTEN`, PGlite's
 * `listen`). Only a hint: a relay also polls, so a lost or late wake-up costs
 * latency, never a record.
 */
export interface IOutboxWakeSource {
  /** Starts listening; resolves with the function that stops. */
  start(onWake: () => void): Promise<() => Promise<void>>;
}
