import { randomBytes } from "node:crypto";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_SEED_USERS } from "@repo/auth";
import { isPostgresUrl } from "@repo/core-database";
import { REALTIME_PROTOCOL_VERSION, isProtocolVersion } from "@repo/core-realtime";
import { parseRealtimeLimitsEnv } from "@repo/core-realtime/server";
import type { RealtimeLimits } from "@repo/core-realtime/server";
import { z } from "zod";
import { DEFAULT_TRPC_MAX_BATCH_SIZE, PAGE_TRPC_BATCH_ITEMS } from "./trpc-batch-limit";

/**
 * The only place this app reads `process.env` (STYLE.md). Everything else
 * receives an `AppEnv`; tests build one with `parseEnv({ ... })`.
 */

/** apps/web-next: a relative DATA_DIR is resolved against it, whichever folder the command ran in. */
const APP_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The embedded store's folder when DATA_DIR is unset (git-ignored). */
export const DEFAULT_DATA_DIR = resolve(APP_ROOT, ".data");

/** DATA_DIR value for a fresh in-memory store (nothing survives the process; tests, demos). */
const IN_MEMORY_DATA_DIR = "memory://";

/** Shortest server-API key accepted: 32 characters, e.g. 24 random bytes in base64url. */
const MIN_API_KEY_LENGTH = 32;

/** Used when SESSION_SECRET is unset outside production: public, so sessions signed with it are forgeable. */
export const DEV_SESSION_SECRET = "dev-only-session-secret-do-not-use-in-production";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true" || value === "1"));

const ZRawEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  // The message never echoes the value: a database URL may carry a password.
  DATABASE_URL: optionalString.pipe(z.string().refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL").optional()),
  DATA_DIR: optionalString,
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{0,64}$/, "letters, digits, ':', '_' or '-', at most 64").default("app:"),
  REALTIME_RECOVERY_WINDOW_MS: z.coerce.number().int().min(1_000).default(120_000),
  REALTIME_PRESENCE_TTL_MS: z.coerce.number().int().min(500).default(30_000),
  REALTIME_PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(10_000),
  REDIS_HEALTH_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  SESSION_SECRET: optionalString,
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  COOKIE_SECURE: booleanString,
  CORS_ORIGINS: optionalString.transform((value) => (value === undefined ? [] : value.split(",").map((o) => o.trim()).filter(Boolean))),
  REALTIME_PROTOCOL_VERSION: optionalString.pipe(z.string().refine(isProtocolVersion, "must be major.minor.patch, e.g. 2.0.0").optional()),
  REALTIME_PING_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  // No default here: it depends on NODE_ENV (production starts empty), see parseEnv.
  APP_SEED: z.enum(["dev", "none"]).optional(),
  METRICS_TOKEN: optionalString,
  AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  AUTH_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  AUTH_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  AUTH_SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  AUTH_SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  AUTH_MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(1_000).default(20),
  TRPC_MAX_BATCH_SIZE: z.coerce.number().int().min(PAGE_TRPC_BATCH_ITEMS).max(1_000).default(DEFAULT_TRPC_MAX_BATCH_SIZE),
  REALTIME_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  REALTIME_WEBHOOK_SECRET: optionalString.pipe(z.string().min(MIN_API_KEY_LENGTH, `at least ${MIN_API_KEY_LENGTH} characters`).optional()),
  // The message never echoes the value: these are secrets.
  REALTIME_API_KEYS: optionalString.pipe(
    z
      .string()
      .transform((value) => value.split(",").map((key) => key.trim()).filter(Boolean))
      .refine((keys) => keys.every((key) => key.length >= MIN_API_KEY_LENGTH), `every key must be at least ${MIN_API_KEY_LENGTH} characters`)
      .optional(),
  ),
  OUTBOX_TEST_EXIT_AFTER_COMMIT: optionalString,
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
});

/** The validated configuration of one process. */
export interface AppEnv {
  readonly NODE_ENV: "development" | "production" | "test";
  readonly PORT: number;
  readonly HOST: string;
  readonly REDIS_URL: string | undefined;
  /** The PostgreSQL server of record (`postgres://` or `postgresql://`); unset: the embedded store in DATA_DIR. */
  readonly DATABASE_URL: string | undefined;
  /**
   * Absolute folder of the embedded PostgreSQL (PGlite) used when DATABASE_URL is unset; one live
   * process per folder. Defaults to `apps/web-next/.data`, except under NODE_ENV=test, where it is
   * `undefined`: a fresh in-memory store per server, so parallel test processes never share a folder.
   * `DATA_DIR=memory://` asks for the in-memory store explicitly.
   */
  readonly DATA_DIR: string | undefined;
  /** Prefix of the realtime layer's Redis keys (stream, history, presence, rate limits); one per app, or per test run. */
  readonly REDIS_KEY_PREFIX: string;
  /** How long a dropped connection may come back and recover its rooms and missed packets (Socket.IO connection-state recovery). */
  readonly REALTIME_RECOVERY_WINDOW_MS: number;
  /** How long a presence member stays listed after its instance stopped renewing it (the instance died). */
  readonly REALTIME_PRESENCE_TTL_MS: number;
  /** How often each instance renews its presence leases; keep it well under the TTL. */
  readonly REALTIME_PRESENCE_HEARTBEAT_MS: number;
  /** How often Redis is pinged to tell clients `degraded` / `ok` (readiness pings on every probe). */
  readonly REDIS_HEALTH_INTERVAL_MS: number;
  readonly SESSION_SECRET: string;
  readonly SESSION_TTL_SECONDS: number;
  /** Cookies get `Secure`: defaults to true in production, false elsewhere. */
  readonly COOKIE_SECURE: boolean;
  /** Browser origins, besides the page's own, that may open realtime connections. */
  readonly CORS_ORIGINS: readonly string[];
  /**
   * The realtime protocol version this server speaks (ADR-018); default the package's `REALTIME_PROTOCOL_VERSION`.
   * Bumping its major after an incompatible deploy refuses every open tab with `VERSION_MISMATCH`, so each one reloads.
   */
  readonly REALTIME_PROTOCOL_VERSION: string;
  readonly REALTIME_PING_INTERVAL_MS: number;
  readonly SHUTDOWN_TIMEOUT_MS: number;
  readonly LOG_LEVEL: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** `dev`: seed demo data (alice, bob); `none`: start empty. Defaults to `none` in production, `dev` elsewhere. */
  readonly APP_SEED: "dev" | "none";
  /** Realtime limits set through REALTIME_* variables (docs/security.md lists them); unset ones keep their defaults. */
  readonly REALTIME_LIMITS: Partial<RealtimeLimits>;
  /** Sign-in attempts on one account per window (any address); past it 429 until the window ends, correct password included. */
  readonly AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: number;
  /** Sign-in attempts from one client address (IPv6: its /64) per window, any account. */
  readonly AUTH_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: number;
  readonly AUTH_LOGIN_WINDOW_SECONDS: number;
  /** Sign-up attempts (that meet the account rules) from one client address per window; past it 429. */
  readonly AUTH_SIGNUP_MAX_PER_ADDRESS: number;
  readonly AUTH_SIGNUP_WINDOW_SECONDS: number;
  /** Live sessions per user; signing in past it revokes (and disconnects) the oldest. */
  readonly AUTH_MAX_SESSIONS_PER_USER: number;
  /** Bearer token `/metrics` requires; unset: `/metrics` answers loopback clients only. */
  readonly METRICS_TOKEN: string | undefined;
  /** Most calls in one tRPC batch request; a larger one is refused whole (400) and runs nothing. */
  readonly TRPC_MAX_BATCH_SIZE: number;
  /** Keys other backends send as `Authorization: Bearer <key>` to the server API (`/api/realtime/*`); several, so they can be rotated. Empty: the API answers 401. */
  readonly REALTIME_API_KEYS: readonly string[];
  /**
   * Test-only fault hook (the outbox crash test, ADR-021): a concrete channel name; the process
   * exits (code 86) right after a transaction that wrote an outbox record on it commits, before
   * anything is broadcast. Kept only under NODE_ENV=test; elsewhere ignored with a warning.
   */
  readonly OUTBOX_TEST_EXIT_AFTER_COMMIT: string | undefined;
  /**
   * How often the outbox relay looks for records when nothing woke it (ADR-021). Only the fallback:
   * a commit on this instance, PostgreSQL `LISTEN` and the embedded store's `listen` wake it at once.
   */
  readonly OUTBOX_POLL_INTERVAL_MS: number;
  /** Where channel occupancy and presence membership are POSTed (signed JSON); unset: no webhooks. */
  readonly REALTIME_WEBHOOK_URL: string | undefined;
  /** HMAC-SHA256 key of `X-Realtime-Signature`; required with REALTIME_WEBHOOK_URL. */
  readonly REALTIME_WEBHOOK_SECRET: string | undefined;
}

export interface ParsedEnv {
  readonly env: AppEnv;
  /** Things an operator must hear about (the server logs them at warn on start). */
  readonly warnings: readonly string[];
}

export class InvalidEnvError extends Error {
  override readonly name = "InvalidEnvError";
}

/**
 * Validates an environment. SESSION_SECRET falls back to a public dev
 * secret outside production, and to a random per-process secret in
 * production (so `pnpm start` works on a fresh clone); both with a warning.
 *
 * @example
 * const { env, warnings } = parseEnv({ NODE_ENV: "test", PORT: "0" });
 */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): ParsedEnv {
  // `FOO=` in a shell or a .env file means unset, not "the empty string".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = ZRawEnv.safeParse(present);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new InvalidEnvError(`Invalid environment: ${issues}`);
  }
  const raw = parsed.data;
  const warnings: string[] = [];
  let sessionSecret = raw.SESSION_SECRET;
  if (sessionSecret === undefined && raw.NODE_ENV === "production") {
    sessionSecret = randomBytes(32).toString("base64url");
    warnings.push(
      "SESSION_SECRET is not set: using a random secret for this process. Sessions will not survive a restart and are not shared between instances. Set SESSION_SECRET (32+ random bytes).",
    );
  } else if (sessionSecret === undefined) {
    sessionSecret = DEV_SESSION_SECRET;
    warnings.push("SESSION_SECRET is not set: using the PUBLIC development secret. Anyone can forge sessions. Never deploy like this.");
  } else if (sessionSecret.length < 32) {
    warnings.push("SESSION_SECRET is shorter than 32 characters; use 32+ random bytes.");
  }
  // Production is safe by default: the seed's passwords are public (README), so it never seeds unasked.
  const appSeed = raw.APP_SEED ?? (raw.NODE_ENV === "production" ? "none" : "dev");
  if (appSeed === "dev" && raw.NODE_ENV === "production") {
    const accounts = DEV_SEED_USERS.map((user) => `${user.username}${(user.roles ?? []).length > 0 ? ` (${(user.roles ?? []).join(", ")})` : ""}`).join(", ");
    warnings.push(`APP_SEED=dev in production: seeding accounts with PUBLIC passwords (${accounts}). Anyone who read the README can sign in as them. Unset APP_SEED for a real deployment.`);
  }
  if (raw.DATABASE_URL !== undefined && raw.DATA_DIR !== undefined) {
    warnings.push("DATA_DIR is ignored: DATABASE_URL is set, so the state lives on that PostgreSQL server.");
  }
  // A fault hook that kills the process must never reach a real deployment.
  const outboxExitChannel = raw.NODE_ENV === "test" ? raw.OUTBOX_TEST_EXIT_AFTER_COMMIT : undefined;
  if (raw.OUTBOX_TEST_EXIT_AFTER_COMMIT !== undefined && outboxExitChannel === undefined) {
    warnings.push("OUTBOX_TEST_EXIT_AFTER_COMMIT is ignored: the outbox fault hook only works under NODE_ENV=test.");
  }
  if (raw.REALTIME_WEBHOOK_URL !== undefined && raw.REALTIME_WEBHOOK_SECRET === undefined) {
    throw new InvalidEnvError("Invalid environment: REALTIME_WEBHOOK_SECRET is required with REALTIME_WEBHOOK_URL (receivers verify every request with it)");
  }
  if (raw.REALTIME_PRESENCE_HEARTBEAT_MS * 2 > raw.REALTIME_PRESENCE_TTL_MS) {
    throw new InvalidEnvError("Invalid environment: REALTIME_PRESENCE_HEARTBEAT_MS must be at most half of REALTIME_PRESENCE_TTL_MS, or live members expire between heartbeats");
  }
  return {
    env: {
      ...raw,
      APP_SEED: appSeed,
      REDIS_URL: raw.REDIS_URL,
      DATABASE_URL: raw.DATABASE_URL,
      DATA_DIR: dataDirOf(raw.DATA_DIR, raw.NODE_ENV),
      SESSION_SECRET: sessionSecret,
      COOKIE_SECURE: raw.COOKIE_SECURE ?? raw.NODE_ENV === "production",
      REALTIME_LIMITS: realtimeLimitsFrom(present),
      REALTIME_API_KEYS: raw.REALTIME_API_KEYS ?? [],
      OUTBOX_TEST_EXIT_AFTER_COMMIT: outboxExitChannel,
      REALTIME_WEBHOOK_URL: raw.REALTIME_WEBHOOK_URL,
      REALTIME_WEBHOOK_SECRET: raw.REALTIME_WEBHOOK_SECRET,
      REALTIME_PROTOCOL_VERSION: raw.REALTIME_PROTOCOL_VERSION ?? REALTIME_PROTOCOL_VERSION,
    },
    warnings,
  };
}

/**
 * Where the embedded store lives. Tests default to in-memory (`undefined`): many test processes start
 * servers at once, and one folder belongs to one process (DATA_DIR_IN_USE); a test that wants a folder
 * (restart tests) passes its own temporary DATA_DIR.
 */
function dataDirOf(dataDir: string | undefined, nodeEnv: AppEnv["NODE_ENV"]): string | undefined {
  if (dataDir === undefined) return nodeEnv === "test" ? undefined : DEFAULT_DATA_DIR;
  if (dataDir === IN_MEMORY_DATA_DIR) return undefined;
  return isAbsolute(dataDir) ? dataDir : resolve(APP_ROOT, dataDir);
}

/** The REALTIME_* limit variables, validated like the rest: a bad value is an InvalidEnvError naming it. */
function realtimeLimitsFrom(source: Readonly<Record<string, string | undefined>>): Partial<RealtimeLimits> {
  try {
    return parseRealtimeLimitsEnv(source);
  } catch (error) {
    if (error instanceof RangeError) throw new InvalidEnvError(`Invalid environment: ${error.message}`);
    throw error;
  }
}

/**
 * Makes a process started without NODE_ENV a production process (the safe default for every
 * deploy path); `pnpm dev` sets NODE_ENV=development. Call it before Next or React is imported:
 * they pick their build from NODE_ENV when first loaded.
 *
 * @example
 * defaultToProduction(); const { startServer } = await import("./src/server/start-server");
 */
export function defaultToProduction(): void {
  // Next's types mark NODE_ENV read-only; a boot entry setting it once, before Next loads, is the point.
  const env: Record<string, string | undefined> = process.env;
  if (env.NODE_ENV === undefined || env.NODE_ENV.trim() === "") env.NODE_ENV = "production";
}

let processEnv: ParsedEnv | undefined;

/**
 * This process's environment, parsed once (so a random production secret stays the same).
 *
 * @example
 * const { env, warnings } = loadProcessEnv();
 */
export function loadProcessEnv(): ParsedEnv {
  processEnv ??= parseEnv(process.env);
  return processEnv;
}
