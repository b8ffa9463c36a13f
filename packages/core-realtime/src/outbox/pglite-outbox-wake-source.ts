import { OUTBOX_NOTIFY_CHANNEL } from "./outbox-record";
import type { IOutboxWakeSource } from "./outbox-wake-source";

/** The part of a PGlite instance this needs (its `listen` API), so this file imports no PGlite code. */
export interface PGliteListener {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/**
 * Wake-ups from an embedded PGlite database: `LISTEN`/`NOTIFY` work within
 * the one PGlite instance the process owns.
 *
 * @example
 * const wake = new PGliteOutboxWakeSource(pglite);
 */
export class PGliteOutboxWakeSource implements IOutboxWakeSource {
  readonly #pglite: PGliteListener;

  constructor(pglite: PGliteListener) {
    this.#pglite = pglite;
  }

  async start(onWake: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.#pglite.listen(OUTBOX_NOTIFY_CHANNEL, () => onWake());
    return () => unlisten();
  }
}
