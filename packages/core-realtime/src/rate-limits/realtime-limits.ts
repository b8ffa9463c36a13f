/** A token bucket's shape: a burst of `capacity`, refilled continuously at `refillPerSecond`. */
export interface RateLimit {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/**
 * The bounds one realtime server instance enforces. Every limit exists so a
 * single client (or a single user's many tabs) cannot exhaust memory or CPU
 * shared with everyone else.
 */
export interface RealtimeLimits {
  /** Largest frame Socket.IO reads (its `maxHttpBufferSize`); a bigger one closes that connection. */
  maxFrameBytes: number;
  /** Largest publish payload (JSON-encoded) a handler sees; a bigger one is acked `PAYLOAD_TOO_LARGE`. */
  maxInboundPayloadBytes: number;
  /** Channels one socket may be subscribed to at once (`TOO_MANY_SUBSCRIPTIONS`). */
  maxSubscriptionsPerSocket: number;
  /** Sockets one user may hold open on this instance (connect refused with `TOO_MANY_CONNECTIONS`). */
  maxConnectionsPerUser: number;
  /**
   * Anonymous sockets one client address (an IPv6 /64) may hold open on this
   * instance (`TOO_MANY_CONNECTIONS`); signed-in sockets count against their user instead.
   */
  maxAnonymousConnectionsPerAddress: number;
  /** How long one socket reuses a channel policy's verdict (re-authentication always asks afresh). */
  channelPolicyCacheMs: number;
  /** Publish message ids remembered per user (or anonymous socket) for de-duplication; past it that user's oldest go first. */
  idempotencyKeysPerUser: number;
  /** Publish frames per socket. */
  inboundRatePerSocket: RateLimit;
  /** Publish frames per user across all their sockets (shared by every instance through the rate-limit store). */
  inboundRatePerUser: RateLimit;
  /**
   * Every other frame (subscribe, unsubscribe, presence, unknown events) per
   * socket: a subscribe with `since` replays history, so an unbounded stream
   * of them is an amplification attack. The burst must cover a full
   * resubscribe after a reconnect (`maxSubscriptionsPerSocket`).
   */
  controlRatePerSocket: RateLimit;
  /** Socket.IO `connectTimeout`: how long a connection may take to join the namespace. */
  handshakeTimeoutMs: number;
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Packets waiting in a socket's engine write buffer before it counts as a slow consumer and is dropped. */
  maxBufferedMessagesPerSocket: number;
  /** How often write buffers are checked for slow consumers. */
  slowConsumerCheckIntervalMs: number;
  /** How often every authenticated socket's credentials are checked again. */
  reauthIntervalMs: number;
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = Object.freeze({
  maxFrameBytes: 64 * 1024,
  maxInboundPayloadBytes: 16 * 1024,
  maxSubscriptionsPerSocket: 100,
  maxConnectionsPerUser: 20,
  maxAnonymousConnectionsPerAddress: 100,
  channelPolicyCacheMs: 5_000,
  idempotencyKeysPerUser: 500,
  inboundRatePerSocket: Object.freeze({ capacity: 20, refillPerSecond: 10 }),
  inboundRatePerUser: Object.freeze({ capacity: 60, refillPerSecond: 30 }),
  controlRatePerSocket: Object.freeze({ capacity: 200, refillPerSecond: 20 }),
  handshakeTimeoutMs: 10_000,
  pingIntervalMs: 25_000,
  pingTimeoutMs: 20_000,
  maxBufferedMessagesPerSocket: 1_000,
  slowConsumerCheckIntervalMs: 1_000,
  reauthIntervalMs: 15_000,
});

function requirePositive(name: string, value: number, integer: boolean): void {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`Realtime limit ${name} must be a positive ${integer ? "integer" : "number"}, got ${value}`);
  }
}

/**
 * Fills unset limits from {@link DEFAULT_REALTIME_LIMITS} and rejects
 * nonsensical values at startup rather than at the first busy minute.
 *
 * @example
 * const limits = resolveRealtimeLimits({ maxSubscriptionsPerSocket: 20 });
 */
export function resolveRealtimeLimits(overrides: Partial<RealtimeLimits> = {}): RealtimeLimits {
  const limits: RealtimeLimits = { ...DEFAULT_REALTIME_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits) as [string, number | RateLimit][]) {
    if (typeof value === "number") {
      requirePositive(name, value, true);
    } else {
      requirePositive(`${name}.capacity`, value.capacity, true);
      requirePositive(`${name}.refillPerSecond`, value.refillPerSecond, false);
    }
  }
  if (limits.maxInboundPayloadBytes > limits.maxFrameBytes) {
    throw new RangeError("Realtime limit maxInboundPayloadBytes must not exceed maxFrameBytes");
  }
  if (limits.controlRatePerSocket.capacity < limits.maxSubscriptionsPerSocket) {
    throw new RangeError(
      "Realtime limit controlRatePerSocket.capacity must be at least maxSubscriptionsPerSocket, or a reconnecting client could not resubscribe",
    );
  }
  return Object.freeze(limits);
}

type NumericLimit = { [K in keyof RealtimeLimits]: RealtimeLimits[K] extends number ? K : never }[keyof RealtimeLimits];
type RateLimitName = "inboundRatePerSocket" | "inboundRatePerUser" | "controlRatePerSocket";

/**
 * The environment variable behind each limit (docs/security.md lists them
 * with their defaults). Heartbeat variables are not called `*_PING_*`: the
 * app's `REALTIME_PING_INTERVAL_MS` is the `realtime-ping` channel's tick.
 */
export const REALTIME_LIMIT_ENV: Readonly<Record<string, NumericLimit | readonly [RateLimitName, keyof RateLimit]>> = Object.freeze({
  REALTIME_MAX_FRAME_BYTES: "maxFrameBytes",
  REALTIME_MAX_PAYLOAD_BYTES: "maxInboundPayloadBytes",
  REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: "maxSubscriptionsPerSocket",
  REALTIME_MAX_CONNECTIONS_PER_USER: "maxConnectionsPerUser",
  REALTIME_MAX_ANONYMOUS_CONNECTIONS_PER_ADDRESS: "maxAnonymousConnectionsPerAddress",
  REALTIME_POLICY_CACHE_MS: "channelPolicyCacheMs",
  REALTIME_IDEMPOTENCY_KEYS_PER_USER: "idempotencyKeysPerUser",
  REALTIME_SOCKET_BURST: ["inboundRatePerSocket", "capacity"],
  REALTIME_SOCKET_RATE_PER_SECOND: ["inboundRatePerSocket", "refillPerSecond"],
  REALTIME_USER_BURST: ["inboundRatePerUser", "capacity"],
  REALTIME_USER_RATE_PER_SECOND: ["inboundRatePerUser", "refillPerSecond"],
  REALTIME_CONTROL_BURST: ["controlRatePerSocket", "capacity"],
  REALTIME_CONTROL_RATE_PER_SECOND: ["controlRatePerSocket", "refillPerSecond"],
  REALTIME_HANDSHAKE_TIMEOUT_MS: "handshakeTimeoutMs",
  REALTIME_HEARTBEAT_INTERVAL_MS: "pingIntervalMs",
  REALTIME_HEARTBEAT_TIMEOUT_MS: "pingTimeoutMs",
  REALTIME_MAX_BUFFERED_MESSAGES: "maxBufferedMessagesPerSocket",
  REALTIME_SLOW_CONSUMER_CHECK_MS: "slowConsumerCheckIntervalMs",
  REALTIME_REAUTH_INTERVAL_MS: "reauthIntervalMs",
} as const);

/**
 * Reads the limits an operator set through {@link REALTIME_LIMIT_ENV}
 * variables (unset or blank ones keep their defaults) and validates the
 * result as {@link resolveRealtimeLimits} would, so a bad value stops the
 * process at startup with the variable's name. Returns only the overrides:
 * pass them as `limits` to the realtime server.
 *
 * @example
 * const limits = parseRealtimeLimitsEnv({ REALTIME_MAX_CONNECTIONS_PER_USER: "5" }); // { maxConnectionsPerUser: 5 }
 */
export function parseRealtimeLimitsEnv(source: Readonly<Record<string, string | undefined>>): Partial<RealtimeLimits> {
  const overrides: Partial<Record<NumericLimit, number>> = {};
  const rates: Partial<Record<RateLimitName, Partial<RateLimit>>> = {};
  for (const [variable, target] of Object.entries(REALTIME_LIMIT_ENV)) {
    const raw = source[variable]?.trim();
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${variable} must be a positive number, got "${raw}"`);
    if (typeof target === "string") {
      overrides[target] = value;
    } else {
      const [limit, field] = target;
      rates[limit] = { ...rates[limit], [field]: value };
    }
  }
  const result: Partial<RealtimeLimits> = { ...overrides };
  for (const [limit, partial] of Object.entries(rates) as [RateLimitName, Partial<RateLimit>][]) {
    result[limit] = { ...DEFAULT_REALTIME_LIMITS[limit], ...partial };
  }
  try {
    resolveRealtimeLimits(result);
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`Invalid realtime limits from the environment: ${error.message}`);
    throw error;
  }
  return result;
}
