import { createLogger, createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { createRedisStreamsAdapter, RealtimeHandlerRegistry, RedisChannelLog, SocketIORealtimeServer, withBroadcastSource } from "@repo/core-realtime/server";
import type { AnyRealtimeChannel } from "@repo/core-realtime";
import { BenchAuthenticator } from "../bench-authenticator";
import { benchFanOutChannel, benchInboundChannel, benchUserChannel } from "../bench-channels";
import { QUIET_TIMER_MS } from "./bench-stack";
import { coalescedFanOutChannel } from "../bench-coalesced-channel";
import type { BenchStack, BenchStackOptions } from "./bench-stack";
import { createListeningHttpServer } from "./listen";
import { connectBenchRedis } from "./redis-adapter";

/** High enough that the limiter never refuses, low enough to still run its arithmetic on every frame. */
const UNLIMITED_RATE = { capacity: 1_000_000_000, refillPerSecond: 1_000_000_000 };

const QUIET_TIMERS = {
  pingIntervalMs: QUIET_TIMER_MS,
  reauthIntervalMs: QUIET_TIMER_MS,
  slowConsumerCheckIntervalMs: QUIET_TIMER_MS,
  channelPolicyCacheMs: QUIET_TIMER_MS,
};

/** Our running stack plus the parts a benchmark reaches into. */
export interface OurStack extends BenchStack {
  readonly server: SocketIORealtimeServer;
  readonly registry: RealtimeHandlerRegistry;
}

/**
 * Our real stack, as the app builds it: `SocketIORealtimeServer` (gates 1-3,
 * limits, re-authentication sweeps, slow-consumer checks, Prometheus
 * metrics) with its `SocketIORealtimeBroadcaster` (gate 4), a
 * `RealtimeHandlerRegistry` with real channel descriptors, and an
 * authenticator. Only the session lookup is replaced (`BenchAuthenticator`).
 *
 * @example
 * const stack = await startOurStack({ host: "127.0.0.1", port: 0 }, [benchFanOutChannel]);
 * stack.fanOut(payloadOf(100, 0, Date.now()));
 */
export async function startOurStack(options: BenchStackOptions, channels: readonly AnyRealtimeChannel[] = [
  benchFanOutChannel,
  benchUserChannel,
  benchInboundChannel,
]): Promise<OurStack> {
  const http = createListeningHttpServer();
  const registry = new RealtimeHandlerRegistry();
  const fanOutChannel = options.coalesce === undefined ? benchFanOutChannel : coalescedFanOutChannel(options.coalesce);
  for (const channel of channels.map((c) => (c === benchFanOutChannel ? fanOutChannel : c))) {
    if (channel === benchInboundChannel) {
      registry.register(benchInboundChannel, (payload) => ({ step: payload.step }));
    } else {
      registry.registerChannel(channel);
    }
  }
  // Warnings and errors only, to stderr: stdout carries the report.
  const logger = createLogger({ level: "warn", name: "bench-ours", pretty: false, destination: process.stderr });
  const redis = options.redis === undefined ? undefined : await connectBenchRedis(options.redis);
  // With Redis, ADR-019's multi-instance engine: the streams adapter behind its bounded facade, and `seq` from Redis.
  const multiInstance =
    redis === undefined || options.redis === undefined
      ? {}
      : {
          adapter: createRedisStreamsAdapter(redis.client, { keyPrefix: options.redis.keyPrefix, logger }),
          channelLog: new RedisChannelLog(redis.client, { keyPrefix: options.redis.keyPrefix }),
        };
  const server = new SocketIORealtimeServer({
    httpServer: http.httpServer,
    registry,
    authenticator: new BenchAuthenticator(),
    logger,
    metrics: createRealtimeMetrics(createMetricsRegistry()),
    ...multiInstance,
    limits: {
      ...(options.unlimitedInbound === true ? { inboundRatePerSocket: UNLIMITED_RATE, inboundRatePerUser: UNLIMITED_RATE } : {}),
      ...(options.quietTimers === true ? QUIET_TIMERS : {}),
    },
  });
  const port = await http.listen(options.host, options.port);
  let errors = 0;
  const onError = (error: unknown): void => {
    errors++;
    if (errors === 1) console.error(`bench ours: broadcast failed: ${String(error)}`);
  };
  // The benchmark's server code speaks as one allowed source, as a use case would (the source gate).
  const broadcaster = withBroadcastSource(server.broadcaster, server.broadcaster.sources.allow({ kind: "use-case", name: "bench.publisher" }));
  return {
    port,
    server,
    registry,
    // Not awaited one by one: a use case awaits its own broadcast, but many
    // use cases run concurrently; the rejection is still observed and counted.
    fanOut: (payload) => void broadcaster.broadcast(fanOutChannel, {}, payload).catch(onError),
    toUser: (userId, payload) => void broadcaster.broadcast(benchUserChannel, { userId }, payload).catch(onError),
    takeErrors: () => {
      const seen = errors;
      errors = 0;
      return seen;
    },
    connectedSockets: () => server.connectedSockets(),
    close: async () => {
      await server.close({ drainTimeoutMs: 1_000 });
      await http.close();
      await redis?.close();
    },
  };
}
