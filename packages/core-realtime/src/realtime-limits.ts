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
  /** Publish frames per socket. */
  inboundRatePerSocket: RateLimit;
  /** Publish frames per user across their sockets on this instance. */
  inboundRatePerUser: RateLimit;
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
  inboundRatePerSocket: Object.freeze({ capacity: 20, refillPerSecond: 10 }),
  inboundRatePerUser: Object.freeze({ capacity: 60, refillPerSecond: 30 }),
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
  return Object.freeze(limits);
}
