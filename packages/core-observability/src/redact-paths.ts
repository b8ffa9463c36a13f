/** What a redacted value is replaced with in every log line. */
export const REDACTED = "[redacted]";

/**
 * Keys whose values are secrets wherever they appear. Header names are the
 * lower-case spelling Node gives incoming headers.
 */
const SECRET_KEYS = [
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "sessionToken",
  "secret",
  "clientSecret",
  "apiKey",
  "authorization",
  "cookie",
  "set-cookie",
  "proxy-authorization",
  "x-api-key",
] as const;

/** Redaction wildcards match exactly one level, so each key is listed at depths 0, 1 and 2. */
const WILDCARD_DEPTHS = ["", "*", "*.*"] as const;

function keyAccessor(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
}

function pathFor(prefix: string, key: string): string {
  const accessor = keyAccessor(key);
  if (prefix === "") return accessor;
  return accessor.startsWith("[") ? `${prefix}${accessor}` : `${prefix}.${accessor}`;
}

/**
 * Every pino redaction path the repo logger applies: `password`, `*.password`,
 * `*.*.password`, ... for each secret key, which covers `auth.token`,
 * `req.headers.cookie`, `req.headers.authorization` and `res.headers["set-cookie"]`.
 * Secrets nested deeper than two levels are not caught: log the fields you
 * need rather than whole request objects.
 */
export const LOG_REDACT_PATHS: readonly string[] = Object.freeze(
  WILDCARD_DEPTHS.flatMap((prefix) => SECRET_KEYS.map((key) => pathFor(prefix, key))),
);
