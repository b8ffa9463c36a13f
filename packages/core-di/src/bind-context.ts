import type { AppDatabase } from "@repo/core-database";
import type { IEventBus, IJobQueue } from "@repo/core-events";
import type { getTracer, Logger, Registry } from "@repo/core-observability";
import type {
  BroadcastSourceAllowlist,
  IRealtimeBroadcaster,
  IRealtimeHandlerRegistry,
  IRealtimeServer,
  IRealtimeTransactionRunner,
} from "@repo/core-realtime/server";
import type { RedisClientType } from "redis";

/** OpenTelemetry tracer as `@repo/core-observability` hands it out (no direct @opentelemetry dependency here). */
type Tracer = ReturnType<typeof getTracer>;

/** The Redis client the app creates once (`redis` package, RESP3 defaults) and shares with features. */
export type RedisClient = RedisClientType;

/** What features may know about the deployment; the app fills it from its validated env. */
export interface FeatureConfig {
  readonly env: "development" | "production" | "test";
  /** HMAC key for signed session values. */
  readonly sessionSecret: string;
  readonly sessionTtlSeconds: number;
  /** Mark cookies `Secure` (HTTPS only). */
  readonly secureCookies: boolean;
  /** Prefix of every Redis key the app writes (`REDIS_KEY_PREFIX`), so apps can share one Redis; default none. */
  readonly redisKeyPrefix?: string;
  /** Auth abuse limits (AUTH_* variables); unset fields keep the auth feature's defaults. */
  readonly authLimits?: {
    /** Live sessions per user; signing in past it revokes the oldest. */
    readonly maxSessionsPerUser?: number;
    readonly login?: { readonly attemptsPerAccount?: number; readonly attemptsPerAddress?: number; readonly windowSeconds?: number };
    /** Sign-up attempts per client address per window. */
    readonly signup?: { readonly attemptsPerAddress?: number; readonly windowSeconds?: number };
  };
}

/**
 * The Redis key prefix of one feature's data: the app's prefix, then the feature's own.
 *
 * @example
 * const keyPrefix = featureRedisPrefix(ctx, "polls:"); // "app:polls:" with REDIS_KEY_PREFIX=app:
 */
export function featureRedisPrefix(ctx: Pick<BindContext, "config">, featurePrefix: string): string {
  return `${ctx.config.redisKeyPrefix ?? ""}${featurePrefix}`;
}

/**
 * Everything a feature's `bindProduction*` / `bindDevSeed*` receives. One
 * object instead of ADR-016's seven positional arguments, so adding a
 * dependency does not touch every feature's signature.
 */
export interface BindContext {
  readonly config: FeatureConfig;
  readonly tracer: Tracer;
  readonly logger: Logger;
  readonly bus: IEventBus;
  readonly queue: IJobQueue;
  /**
   * The delivering broadcaster. It refuses a broadcast without an allowed
   * source (`UNAUTHORIZED_SOURCE`): bind code hands use cases and bridges
   * `realtimeFor(ctx, source)`, which is bound to theirs.
   */
  readonly realtime: IRealtimeBroadcaster;
  /** The broadcaster's source allowlist (the source gate, ADR-016); filled at bind time through `realtimeFor`, sealed when binding ends. */
  readonly realtimeSources: BroadcastSourceAllowlist;
  readonly realtimeRegistry: IRealtimeHandlerRegistry;
  /** The running transport; `null` with the in-memory broadcaster (tests, page handlers). */
  readonly realtimeServer: IRealtimeServer | null;
  /** Shared Redis connection; `null` when REDIS_URL is unset. */
  readonly redis: RedisClient | null;
  /**
   * The system of record (ADR-020): PostgreSQL (`DATABASE_URL`) or embedded
   * PGlite, already migrated to every feature's latest migration. Features
   * read their own tables through `database.db.$extendTables<Tables>()`.
   */
  readonly database: AppDatabase;
  readonly metricsRegistry: Registry;
  /**
   * This process's id in the cluster (the app passes its realtime server's
   * instance id), for features that label per-instance data, such as the
   * admin dashboard's metrics samples. Unset in most test contexts.
   */
  readonly instanceId?: string;
  /**
   * Runs a state change and the broadcasts it causes in one transaction on
   * `database` (the transactional outbox, ADR-021); a relay on every instance
   * delivers them after commit. The app always sets it; features read it
   * through `transactionsOf(ctx)`, which covers test contexts without it.
   */
  readonly transactions?: IRealtimeTransactionRunner;
}
