import pg from "pg";
import type { ClientConfig } from "pg";
import type { Logger } from "@repo/core-observability";
import { OUTBOX_NOTIFY_CHANNEL } from "./outbox-record";
import type { IOutboxWakeSource } from "./outbox-wake-source";

export interface PgOutboxWakeSourceOptions {
  /** How to open the dedicated `LISTEN` connection (a pooled connection cannot hold one). */
  readonly connection: string | ClientConfig;
  readonly logger: Logger;
  /** Wait before reconnecting a lost listener; default 1000 ms. */
  readonly reconnectDelayMs?: number;
}

/**
 * Wake-ups from PostgreSQL `LISTEN realtime_outbox` on one dedicated `pg`
 * client. A lost connection is reopened after a delay, and every (re)connect
 * wakes the relay once, since notifications sent while nobody listened are gone.
 *
 * @example
 * const wake = new PgOutboxWakeSource({ connection: env.DATABASE_URL, logger });
 */
export class PgOutboxWakeSource implements IOutboxWakeSource {
  readonly #options: PgOutboxWakeSourceOptions;

  constructor(options: PgOutboxWakeSourceOptions) {
    this.#options = options;
  }

  async start(onWake: () => void): Promise<() => Promise<void>> {
    const { logger } = this.#options;
    const delay = this.#options.reconnectDelayMs ?? 1_000;
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = async (): Promise<void> => {
      const next = new pg.Client(typeof this.#options.connection === "string" ? { connectionString: this.#options.connection } : this.#options.connection);
      client = next;
      let lost = false;
      const reconnect = (error?: unknown) => {
        if (lost || stopped) return;
        lost = true;
        logger.warn({ err: error }, "outbox_listener_lost");
        next.end().catch((endError: unknown) => logger.debug({ err: endError }, "outbox_listener_end_failed"));
        retry = setTimeout(() => void connect().catch(reconnectLater), delay);
      };
      const reconnectLater = (error: unknown) => {
        logger.warn({ err: error }, "outbox_listener_connect_failed");
        if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), delay);
      };
      next.on("notification", (message) => {
        if (message.channel === OUTBOX_NOTIFY_CHANNEL) onWake();
      });
      next.on("error", reconnect);
      next.on("end", () => reconnect());
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      onWake();
    };

    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end();
    };
  }
}
