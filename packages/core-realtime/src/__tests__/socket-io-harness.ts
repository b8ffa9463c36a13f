import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Socket as TcpSocket } from "node:net";
// A raw client is the point of this harness; its socket-io-*.ts name puts it on the
// no-direct-socket-io allowlist (src/**/socket-io-*.ts).
import { io } from "socket.io-client";
import type { Socket as ClientSocket } from "socket.io-client";
import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import type { RealtimeMetrics } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeErrorBody } from "../protocol/errors";
import type { IRealtimeAuthenticator, RealtimeCredentials } from "../server/realtime-authenticator";
import type { RealtimeUser } from "../channels/realtime-user";
import { SocketIORealtimeServer } from "../socket-io-realtime-server";
import type { SocketIORealtimeServerOptions } from "../server/socket-io-realtime-server-options";
import { REALTIME_PROTOCOL_VERSION } from "../protocol/wire-protocol";
import type { ClientToServerEvents, RealtimeMessage, ServerToClientEvents } from "../protocol/wire-protocol";
import type { BroadcasterContractHarness, ContractSubscriber } from "./broadcaster-contract";
import { contractRegistry, waitUntil } from "./broadcaster-contract";
import { sourced } from "./test-broadcast-source";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";

export type RealtimeTestClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

/** An ack that has not come by then never will; a loaded machine is slow, not wrong, so this is generous. */
const ACK_TIMEOUT_MS = 20_000;

/**
 * Test authenticator: `auth.token` is looked up in `users` (token -> user).
 * No token means anonymous; an unknown token is refused like a revoked session.
 * Mutate `users` to simulate role changes and revocations.
 */
export class TokenTableAuthenticator implements IRealtimeAuthenticator {
  readonly users = new Map<string, RealtimeUser>();
  readonly seen: RealtimeCredentials[] = [];
  /** When set, `authenticate` throws it (a broken session store). */
  failure: Error | undefined;

  authenticate(credentials: RealtimeCredentials): Promise<RealtimeUser | null> {
    this.seen.push(credentials);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (credentials.token === undefined) return Promise.resolve(null);
    const user = this.users.get(credentials.token);
    if (user === undefined) return Promise.reject(new RealtimeError("UNAUTHENTICATED", "Invalid or expired token"));
    return Promise.resolve(user);
  }
}

interface TestClientOptions {
  readonly token?: string;
  /** Protocol version sent in `auth`; `null` sends none. Default: the server's. */
  readonly version?: string | null;
  readonly headers?: Record<string, string>;
  readonly reconnection?: boolean;
}

/** Server options a test may set; the Redis-backed run passes `adapter`, `channelLog`, `connectionStateRecovery`. */
export type SocketIOTestServerOptions = Partial<Omit<SocketIORealtimeServerOptions, "httpServer" | "logger" | "authenticator">> & {
  /** Share one token table between several instances. */
  readonly authenticator?: TokenTableAuthenticator;
};

export interface SocketIOTestServer {
  readonly server: SocketIORealtimeServer;
  /** `server.broadcaster` bound to the allowed test source `use-case:test.harness` (the raw one refuses unsourced broadcasts). */
  readonly broadcaster: IRealtimeBroadcaster;
  readonly httpServer: HttpServer;
  readonly url: string;
  readonly logs: LogCapture;
  readonly metrics: RealtimeMetrics;
  readonly authenticator: TokenTableAuthenticator;
  /** A client that has not connected yet: attach listeners, then `connectClient` it. */
  createClient(options?: TestClientOptions): RealtimeTestClient;
  /** A connected client; rejects with the `connect_error`. */
  connect(options?: TestClientOptions): Promise<RealtimeTestClient>;
  /** Expects the connection to be refused and returns the refusal's `{ code, message }`. */
  connectRefused(options?: TestClientOptions): Promise<RealtimeErrorBody>;
  close(): Promise<void>;
}

/** Resolves on `connect`, rejects with the `connect_error` (its `data` holds `{ code, message }`). */
export function connectClient(client: RealtimeTestClient): Promise<RealtimeTestClient> {
  return new Promise((resolve, reject) => {
    const onConnect = (): void => {
      client.off("connect_error", onError);
      resolve(client);
    };
    const onError = (error: Error): void => {
      client.off("connect", onConnect);
      reject(error);
    };
    client.once("connect", onConnect);
    client.once("connect_error", onError);
    client.connect();
  });
}

/**
 * A real `SocketIORealtimeServer` on an ephemeral port with a capture logger,
 * real metrics and a token-table authenticator. Everything it created (clients
 * included) is closed by `close()`.
 *
 * @example
 * const t = await startSocketIOTestServer({ registry });
 * const client = await t.connect({ token: "alice" });
 */
export async function startSocketIOTestServer(options: SocketIOTestServerOptions = {}): Promise<SocketIOTestServer> {
  const httpServer = createServer((_request, response) => response.end("app"));
  // Upgraded (WebSocket) connections are invisible to closeAllConnections(): track them to end them all.
  const tcpSockets = new Set<TcpSocket>();
  httpServer.on("connection", (socket) => {
    tcpSockets.add(socket);
    socket.once("close", () => tcpSockets.delete(socket));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const logs = createLogCapture();
  const metrics = options.metrics ?? createRealtimeMetrics(createMetricsRegistry());
  const authenticator = options.authenticator ?? new TokenTableAuthenticator();
  const server = new SocketIORealtimeServer({
    registry: contractRegistry(),
    ...options,
    authenticator,
    metrics,
    httpServer,
    logger: logs.logger,
  });
  const clients: RealtimeTestClient[] = [];

  const createClient = (clientOptions: TestClientOptions = {}): RealtimeTestClient => {
    const version = clientOptions.version === undefined ? REALTIME_PROTOCOL_VERSION : clientOptions.version;
    const client: RealtimeTestClient = io(url, {
      path: options.path ?? "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      autoConnect: false,
      reconnection: clientOptions.reconnection ?? false,
      reconnectionDelay: 20,
      reconnectionDelayMax: 100,
      auth: {
        ...(version === null ? {} : { version }),
        ...(clientOptions.token === undefined ? {} : { token: clientOptions.token }),
      },
      ...(clientOptions.headers === undefined ? {} : { extraHeaders: clientOptions.headers }),
    });
    clients.push(client);
    return client;
  };

  return {
    server,
    broadcaster: sourced(server.broadcaster),
    httpServer,
    url,
    logs,
    metrics,
    authenticator,
    createClient,
    connect: (clientOptions) => connectClient(createClient(clientOptions)),
    connectRefused: async (clientOptions) => {
      try {
        await connectClient(createClient(clientOptions));
      } catch (error) {
        return (error as Error & { data?: RealtimeErrorBody }).data ?? { code: "NO_DATA", message: (error as Error).message };
      }
      throw new Error("Expected the connection to be refused");
    },
    close: async () => {
      clients.forEach((client) => client.disconnect());
      await server.close({ drainTimeoutMs: 200 });
      tcpSockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

/**
 * A network drop the server can recover from (connection-state recovery): the client's
 * transport closes as a lost connection would. Test clients do not reconnect by themselves;
 * the test calls `reconnect(client)` once it has set up what happens "while away", so nothing
 * races Socket.IO's reconnection timer.
 *
 * @example
 * dropTransport(alice);
 * await waitUntil(() => t.server.connectedSockets() === 0);
 * await reconnect(alice); // alice.recovered is true
 */
export function dropTransport(client: RealtimeTestClient): void {
  client.io.engine.close();
}

/** Connects again after `dropTransport` (or a disconnect); resolves on `connect`, rejects with the `connect_error`. */
export function reconnect(client: RealtimeTestClient): Promise<RealtimeTestClient> {
  return connectClient(client);
}

/** Emits anything (wrong types, extra args) and resolves with whatever the server acks. */
export function rawEmitWithAck(client: RealtimeTestClient, event: string, ...args: unknown[]): Promise<unknown> {
  const untyped = client as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };
  return untyped.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args);
}

/** The ack type a client event is answered with. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/**
 * Sends one frame and resolves with the typed ack (rejects after ACK_TIMEOUT_MS).
 * socket.io-client's `timeout().emitWithAck()` loses the ack type, hence this.
 */
export function request<E extends keyof ClientToServerEvents>(client: RealtimeTestClient, event: E, frame: unknown): Promise<AckOf<E>> {
  return rawEmitWithAck(client, event, frame) as Promise<AckOf<E>>;
}

/** Emits without asking for an ack. */
export function rawEmit(client: RealtimeTestClient, event: string, ...args: unknown[]): void {
  (client as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
}

/** Messages a client receives, collected from the moment this is called. */
export function collectMessages(client: RealtimeTestClient): RealtimeMessage[] {
  const received: RealtimeMessage[] = [];
  client.on("realtime:message", (message) => received.push(message));
  return received;
}

/**
 * The broadcaster contract over real sockets: subscribers are `socket.io-client`
 * connections authenticated by `auth.token` = user id.
 *
 * @example
 * describeBroadcasterContract("SocketIORealtimeBroadcaster", createSocketIOContractHarness());
 */
export function createSocketIOContractHarness(
  options: SocketIOTestServerOptions = {},
): () => Promise<BroadcasterContractHarness> {
  return async () => {
    const test = await startSocketIOTestServer(options);
    let open = 0;
    return {
      broadcaster: test.broadcaster,
      gated: test.server.broadcaster,
      connect: async (user): Promise<ContractSubscriber> => {
        if (user !== null) test.authenticator.users.set(user.userId, user);
        const client = await test.connect(user === null ? {} : { token: user.userId });
        open++;
        const received = collectMessages(client);
        return {
          subscribe: async (channel) => {
            const ack = await request(client, "realtime:subscribe", { channel });
            return ack.ok ? { ok: true } : { ok: false, code: ack.error.code };
          },
          unsubscribe: async (channel) => {
            const ack = await request(client, "realtime:unsubscribe", { channel });
            if (!ack.ok) throw new Error(`unsubscribe ${channel} failed: ${ack.error.code}`);
          },
          received: () => received,
          waitFor: async (count) => {
            await waitUntil(() => received.length >= count);
            return received;
          },
          close: async () => {
            client.disconnect();
            open--;
            // The server must have processed the disconnect before the caller's next broadcast.
            await waitUntil(() => test.server.connectedSockets() <= open);
          },
        };
      },
      close: () => test.close(),
    };
  };
}
