import { createServer } from "node:http";
import type { AddressInfo, Socket as TcpSocket } from "node:net";
import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import type { RealtimeMetrics } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { RealtimeError } from "@repo/core-realtime";
import { RealtimeHandlerRegistry, SocketIORealtimeServer, withBroadcastSource } from "@repo/core-realtime/server";
import type {
  AnyRealtimeChannel,
  ChannelInbound,
  ChannelParams,
  PublishAck,
  RealtimeUser,
  SubscribeAck,
} from "@repo/core-realtime";
import type { IRealtimeAuthenticator, IRealtimeBroadcaster, RealtimeInboundHandler } from "@repo/core-realtime/server";
import { createRealtimeClient, memoryPositionStore } from "@repo/core-realtime/client";
import type { RealtimeClient } from "@repo/core-realtime/client";
import { formatChannelName } from "@repo/core-realtime";

export interface ChannelHarnessOptions {
  /** Outbound channels to register. */
  readonly channels?: readonly AnyRealtimeChannel[];
  /** Inbound channels with their handlers. */
  readonly handlers?: ReadonlyArray<readonly [AnyRealtimeChannel, RealtimeInboundHandler]>;
  /** Users clients may connect as (their `userId` is their token). */
  readonly users?: readonly RealtimeUser[];
}

export interface HarnessClient {
  readonly user: RealtimeUser | null;
  subscribe<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]>): Promise<SubscribeAck>;
  publish<D extends AnyRealtimeChannel>(
    descriptor: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelInbound<D>,
    options?: { readonly id?: string },
  ): Promise<PublishAck>;
  /** Payloads received so far on a concrete channel name, in order. */
  received(channel: string): unknown[];
  /** Resolves once `count` payloads arrived on `channel` (rejects after `timeoutMs`). */
  waitFor(channel: string, count: number, timeoutMs?: number): Promise<unknown[]>;
  close(): void;
}

export interface ChannelHarness {
  readonly url: string;
  readonly server: SocketIORealtimeServer;
  /**
   * `server.broadcaster` bound to the allowed source `use-case:test.channel-harness`, for use
   * cases under test. A BindContext takes `server.broadcaster` and `server.broadcaster.sources`.
   */
  readonly broadcaster: IRealtimeBroadcaster;
  readonly registry: RealtimeHandlerRegistry;
  readonly logs: LogCapture;
  readonly metrics: RealtimeMetrics;
  connectAs(user: RealtimeUser | null): Promise<HarnessClient>;
  close(): Promise<void>;
}

/** How long `waitFor` and `connectAs` wait; generous, as it only matters when the condition never comes (a loaded machine is slow, not wrong). */
const WAIT_TIMEOUT_MS = 20_000;

function userTableAuthenticator(users: readonly RealtimeUser[]): IRealtimeAuthenticator {
  const byToken = new Map(users.map((u) => [u.userId, u]));
  return {
    authenticate: ({ token }) => {
      if (token === undefined) return Promise.resolve(null);
      const user = byToken.get(token);
      return user === undefined ? Promise.reject(new RealtimeError("UNAUTHENTICATED", "Unknown test user")) : Promise.resolve(user);
    },
  };
}

function wrapClient(client: RealtimeClient, user: RealtimeUser | null): HarnessClient {
  const inbox = new Map<string, unknown[]>();
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  return {
    user,
    subscribe(descriptor, params) {
      const channel = formatChannelName(descriptor.template, params);
      return new Promise<SubscribeAck>((resolve) => {
        client.subscribe(
          descriptor,
          params,
          (payload) => {
            const list = inbox.get(channel) ?? [];
            list.push(payload);
            inbox.set(channel, list);
            notify();
          },
          { onSubscribed: () => resolve({ ok: true, channel }), onError: (error) => resolve({ ok: false, error }) },
        );
      });
    },
    async publish(descriptor, params, payload, options = {}) {
      try {
        const result = await client.publish(descriptor, params, payload, options);
        return { ok: true, result };
      } catch (error) {
        if (error instanceof RealtimeError) return { ok: false, error: error.toBody() };
        throw error;
      }
    },
    received: (channel) => [...(inbox.get(channel) ?? [])],
    waitFor(channel, count, timeoutMs = WAIT_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const list = inbox.get(channel) ?? [];
          if (list.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...list]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waitFor(${channel}, ${count}): got ${inbox.get(channel)?.length ?? 0} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => client.close(),
  };
}

/**
 * Tests one channel end to end in a few lines: a real `SocketIORealtimeServer`
 * on an ephemeral port, real clients (the SDK over real sockets) connected as
 * given users, and helpers to subscribe, publish and assert what arrived.
 *
 * @example
 * const h = await startChannelHarness({ channels: [notificationsChannel], users: [alice, bob] });
 * const bob = await h.connectAs(bobUser);
 * expect(await bob.subscribe(notificationsChannel, { userId: "alice" })).toMatchObject({ ok: false });
 */
export async function startChannelHarness(options: ChannelHarnessOptions = {}): Promise<ChannelHarness> {
  const registry = new RealtimeHandlerRegistry();
  for (const channel of options.channels ?? []) registry.registerChannel(channel);
  for (const [channel, handler] of options.handlers ?? []) registry.register(channel, handler);
  const httpServer = createServer((_request, response) => response.end());
  const tcpSockets = new Set<TcpSocket>();
  httpServer.on("connection", (socket) => {
    tcpSockets.add(socket);
    socket.once("close", () => tcpSockets.delete(socket));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const logs = createLogCapture();
  const metrics = createRealtimeMetrics(createMetricsRegistry());
  const server = new SocketIORealtimeServer({
    httpServer,
    registry,
    authenticator: userTableAuthenticator(options.users ?? []),
    logger: logs.logger,
    metrics,
  });
  const clients = new Set<HarnessClient>();

  return {
    url,
    server,
    broadcaster: withBroadcastSource(server.broadcaster, server.broadcaster.sources.allow({ kind: "use-case", name: "test.channel-harness" })),
    registry,
    logs,
    metrics,
    connectAs(user) {
      const client = createRealtimeClient({
        url,
        transports: ["websocket"],
        getToken: () => user?.userId,
        positionStore: memoryPositionStore(),
      });
      return new Promise<HarnessClient>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`connectAs(${user?.userId ?? "anonymous"}) timed out`)), WAIT_TIMEOUT_MS);
        const stop = client.onStatus((status) => {
          if (status !== "connected") return;
          clearTimeout(timer);
          stop();
          const wrapped = wrapClient(client, user);
          clients.add(wrapped);
          resolve(wrapped);
        });
      });
    },
    async close() {
      for (const client of clients) client.close();
      await server.close({ drainTimeoutMs: 1_000 });
      for (const socket of tcpSockets) socket.destroy();
      await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
