import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { RedisClientType } from "redis";
import type { Logger } from "@repo/core-observability";
import { boundedRedisCall } from "../redis/redis-bounded-call";
import type { SocketIOAdapterFactory } from "../socket-io-server-types";

export interface RedisStreamsAdapterOptions {
  /** Prefix of the stream, the pub/sub channels and the recovery sessions; give each app (and test run) its own. */
  readonly keyPrefix?: string;
  /** Entries kept in the shared stream (approximate trimming); bounds how far connection-state recovery can reach back. */
  readonly maxLen?: number;
  /** XREAD block time; also how long closing the adapter may wait for its reader. Default 5000 ms. */
  readonly blockTimeMs?: number;
  /** Longest wait for Redis on the publish path; past it the packet is delivered locally only. Default 1000 ms. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

/**
 * The Redis client the adapter publishes with. Socket.IO's ClusterAdapter
 * waits for the XADD before delivering to this instance's own sockets, and
 * the adapter fires SET/PUBLISH without handling their failures; so on this
 * facade every publish is bounded (an outage costs at most `timeoutMs`, then
 * local delivery goes on) and fire-and-forget commands never reject. The
 * adapter's reader and subscriber are ordinary duplicates: they queue while
 * Redis is away and resume when it returns.
 */
function publishingFacade(client: RedisClientType, timeoutMs: number, log: Logger, streamStart: Promise<string | undefined>): object {
  const bounded = <T>(what: string, call: () => Promise<T>): Promise<T> => boundedRedisCall(client, timeoutMs, what, call);
  const fireAndForget = (what: string, call: () => Promise<unknown>): Promise<unknown> =>
    bounded(what, call).catch((error: unknown) => {
      log.debug({ err: error, what }, "realtime_adapter_publish_skipped");
      return null;
    });
  return {
    // Feature detection only: it tells the adapter this is a node-redis v4+ client.
    sSubscribe: client.sSubscribe.bind(client),
    duplicate: () => gentlyClosingDuplicate(client, streamStart),
    xAdd: (...args: Parameters<RedisClientType["xAdd"]>) => bounded("XADD", () => client.xAdd(...args)),
    xRange: (...args: Parameters<RedisClientType["xRange"]>) => bounded("XRANGE", () => client.xRange(...args)),
    sendCommand: (...args: Parameters<RedisClientType["sendCommand"]>) => bounded("PUBSUB", () => client.sendCommand(...args)),
    multi: () => client.multi(),
    publish: (...args: Parameters<RedisClientType["publish"]>) => fireAndForget("PUBLISH", () => client.publish(...args)),
    sPublish: (...args: Parameters<RedisClientType["sPublish"]>) => fireAndForget("SPUBLISH", () => client.sPublish(...args)),
    set: (...args: Parameters<RedisClientType["set"]>) => fireAndForget("SET", () => client.set(...args)),
  };
}

/**
 * The adapter closes its reader and subscriber with the deprecated
 * `disconnect()`, which in node-redis 5+ is `destroy()`: it rejects whatever
 * is still queued (a SUBSCRIBE in flight) with nobody listening, an unhandled
 * rejection that would end the process on shutdown. Closing gently instead
 * lets queued commands finish; a client that is not connected is destroyed
 * with its queue drained quietly.
 */
function gentlyClosingDuplicate(client: RedisClientType, streamStart: Promise<string | undefined>): RedisClientType {
  const duplicate = client.duplicate();
  readFromKnownOffsets(duplicate, streamStart);
  Object.defineProperty(duplicate, "disconnect", {
    value: async (): Promise<void> => {
      if (duplicate.isReady) return duplicate.close();
      if (duplicate.isOpen) duplicate.destroy();
    },
  });
  return duplicate;
}

/** The id of the stream's last entry ("0-0" for an empty or missing stream); `undefined` when Redis cannot say. */
async function lastStreamId(client: RedisClientType, stream: string, timeoutMs: number, log: Logger): Promise<string | undefined> {
  try {
    const entries = await boundedRedisCall(client, timeoutMs, "XREVRANGE", () => client.xRevRange(stream, "+", "-", { COUNT: 1 }));
    return entries?.[0]?.id ?? "0-0";
  } catch (error) {
    log.debug({ err: error, stream }, "realtime_adapter_stream_start_unknown");
    return undefined;
  }
}

/** The ids of the entries in an XREAD reply (`[{ name, messages: [{ id }] }]` or null). */
function entryIds(reply: unknown): string[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream: unknown) => {
    const messages = (stream as { messages?: unknown } | null)?.messages;
    return Array.isArray(messages) ? messages.map((entry: unknown) => String((entry as { id?: unknown } | null)?.id)) : [];
  });
}

/**
 * The adapter reads its stream from "$" (entries added after the call) until it has read one
 * entry, so an entry added between two reads (while the reader connects, or between a BLOCK
 * that timed out and the next XREAD) was lost to this instance for good: a broadcast from
 * another instance that never reached its sockets. Here "$" is replaced by a concrete id: the
 * last entry read, else the stream's last entry when the adapter was created.
 */
function readFromKnownOffsets(reader: RedisClientType, streamStart: Promise<string | undefined>): void {
  const xRead = reader.xRead.bind(reader);
  let lastRead: string | undefined;
  Object.defineProperty(reader, "xRead", {
    value: async (...[streams, options]: Parameters<RedisClientType["xRead"]>) => {
      const list = Array.isArray(streams) ? streams : [streams];
      const from = list.length === 1 && list[0]?.id === "$" ? (lastRead ?? (await streamStart)) : undefined;
      const reply = await xRead(from === undefined ? streams : list.map((stream) => ({ ...stream, id: from })), options);
      lastRead = entryIds(reply).at(-1) ?? lastRead;
      return reply;
    },
  });
}

/**
 * Socket.IO's Redis Streams adapter (ADR-019): every instance appends to and
 * reads one Redis stream, so a room emit on any instance reaches the room's
 * sockets on all of them, and connection-state recovery works across
 * instances (the session and the missed packets live in Redis).
 *
 * @example
 * const adapter = createRedisStreamsAdapter(redis, { keyPrefix: "app:", logger });
 * new SocketIORealtimeServer({ httpServer, registry, authenticator, logger, adapter, connectionStateRecovery: { maxDisconnectionDurationMs: 120_000 } });
 */
export function createRedisStreamsAdapter(client: RedisClientType, options: RedisStreamsAdapterOptions): SocketIOAdapterFactory {
  const prefix = options.keyPrefix ?? "";
  const log = options.logger.child({ layer: "realtime-adapter" });
  const streamName = `${prefix}socket.io`;
  const timeoutMs = options.timeoutMs ?? 1_000;
  // Asked before this instance publishes anything (same connection, so Redis answers it first).
  const streamStart = lastStreamId(client, streamName, timeoutMs, log);
  return createAdapter(publishingFacade(client, timeoutMs, log, streamStart), {
    streamName,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}sio:session:`,
    maxLen: options.maxLen ?? 10_000,
    blockTimeInMs: options.blockTimeMs ?? 5_000,
  });
}
