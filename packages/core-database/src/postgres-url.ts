import { DatabaseError } from "./database-errors";

/** True for `postgres://` and `postgresql://` URLs (the two schemes `pg` and libpq accept). */
export function isPostgresUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === "postgres:" || protocol === "postgresql:";
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * The URL when it is a PostgreSQL URL; a `DatabaseError` that does not echo
 * it otherwise (it may hold a password).
 *
 * @example
 * assertPostgresUrl("postgres://postgres@127.0.0.1:5432/app");
 */
export function assertPostgresUrl(value: string): string {
  if (!isPostgresUrl(value)) throw new DatabaseError("INVALID_DATABASE_URL", "The database URL must start with postgres:// or postgresql://");
  return value;
}

/** The URL with its password replaced, for logs. */
export function redactPostgresUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch (error) {
    if (error instanceof TypeError) return "(invalid url)";
    throw error;
  }
}
