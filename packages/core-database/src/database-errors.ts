/** Stable codes of the errors this package throws, for logs and start-up messages. */
export type DatabaseErrorCode = "INVALID_DATABASE_URL" | "DATA_DIR_IN_USE" | "MIGRATION_FAILED" | "INVALID_MIGRATIONS";

/** An error of the database layer with a stable `code`. */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
  readonly code: DatabaseErrorCode;

  constructor(code: DatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A feature's migration failed: names the feature and the migration, so the start can stop with it. */
export class MigrationFailedError extends DatabaseError {
  readonly feature: string;
  readonly migration: string;

  constructor(feature: string, migration: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("MIGRATION_FAILED", `Migration ${feature}/${migration} failed: ${reason}`, { cause });
    this.feature = feature;
    this.migration = migration;
  }
}
