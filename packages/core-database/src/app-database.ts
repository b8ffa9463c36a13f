import type { Kysely } from "kysely";

/**
 * The schema every feature starts from: no tables. A feature adds its own with
 * `database.db.$extendTables<FeatureTables>()` (Kysely's typed accessor), so no
 * package needs to know another feature's tables.
 */
export type BaseSchema = object;

/** Where the database lives: a PostgreSQL server, an embedded PGlite folder, or a throwaway PGlite in memory. */
export type DatabaseOptions =
  | {
      /** `postgres://` or `postgresql://` URL of the server. */
      readonly url: string;
      /** Errors of idle pooled connections (server restart, network); they would crash the process unhandled. */
      readonly onError?: (error: Error) => void;
    }
  | {
      /** A folder for the embedded store; one live process at a time (a lock file refuses a second). */
      readonly dataDir: string;
    }
  | { readonly inMemory: true };

/** One open database, whichever engine is behind it; the same SQL runs on both. */
export interface AppDatabase {
  readonly db: Kysely<BaseSchema>;
  readonly kind: "postgres" | "pglite";
  /**
   * The embedded engine's `LISTEN` (PGlite only: a `NOTIFY` committed on it reaches listeners in
   * this process); resolves with the function that stops listening. Absent on PostgreSQL, where a
   * listener needs a dedicated connection of its own (the outbox's `PgOutboxWakeSource`).
   */
  readonly listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
  /** Resolves when the database answers `select 1`; rejects otherwise (readiness probes). */
  ping(): Promise<void>;
  /** Closes the pool or the embedded engine and releases the data folder; idempotent. */
  close(): Promise<void>;
}
