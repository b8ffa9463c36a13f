// Shared by this app's integration tests: the raw client is the point (tests
// speak the wire protocol as an outside client would). ADR-016 R2 allows
// socket.io-client in *.test.ts files; this helper under __tests__/ is their part.
// eslint-disable-next-line @repo/no-direct-socket-io
import { io } from "socket.io-client";
// eslint-disable-next-line @repo/no-direct-socket-io
import type { Socket } from "socket.io-client";
import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import type {
  ClientToServerEvents,
  PublishAck,
  RealtimeErrorBody,
  RealtimeMessage,
  RealtimeStatusEvent,
  ServerToClientEvents,
  SubscribeAck,
} from "@repo/core-realtime";

type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestSocketOptions {
  readonly token?: string;
  readonly cookie?: string;
  readonly origin?: string;
}

/** A raw Socket.IO client (websocket only, no reconnection) that records what it receives. */
export interface RecordingSocket {
  readonly socket: TestSocket;
  readonly messages: RealtimeMessage[];
  readonly statuses: RealtimeStatusEvent[];
  /** Reasons passed to `disconnect`, in order. */
  readonly disconnects: string[];
  subscribe(channel: string): Promise<SubscribeAck>;
  publish(channel: string, payload: unknown): Promise<PublishAck>;
  close(): void;
}

function createSocket(url: string, options: TestSocketOptions): TestSocket {
  const headers: Record<string, string> = {};
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  if (options.origin !== undefined) headers.origin = options.origin;
  return io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    extraHeaders: headers,
    auth: options.token === undefined ? { version: REALTIME_PROTOCOL_VERSION } : { version: REALTIME_PROTOCOL_VERSION, token: options.token },
  });
}

function record(socket: TestSocket): RecordingSocket {
  const messages: RealtimeMessage[] = [];
  const statuses: RealtimeStatusEvent[] = [];
  const disconnects: string[] = [];
  socket.on("realtime:message", (message) => messages.push(message));
  socket.on("realtime:status", (status) => statuses.push(status));
  socket.on("disconnect", (reason) => disconnects.push(reason));
  return {
    socket,
    messages,
    statuses,
    disconnects,
    subscribe: (channel) => socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel }),
    publish: (channel, payload) => socket.timeout(3_000).emitWithAck("realtime:publish", { channel, payload }),
    close: () => void socket.disconnect(),
  };
}

/**
 * Connects and resolves once the server admitted the socket.
 *
 * @example
 * const alice = await connectSocket(server.url, { cookie });
 */
export function connectSocket(url: string, options: TestSocketOptions = {}): Promise<RecordingSocket> {
  const socket = createSocket(url, options);
  const recording = record(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(recording));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
    socket.connect();
  });
}

/**
 * Expects the connection to be refused and returns the refusal's `{ code, message }`.
 *
 * @example
 * expect(await connectRefused(server.url, { token: "forged" })).toMatchObject({ code: "UNAUTHENTICATED" });
 */
export function connectRefused(url: string, options: TestSocketOptions = {}): Promise<RealtimeErrorBody> {
  const socket = createSocket(url, options);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      socket.disconnect();
      reject(new Error("expected the connection to be refused, but it was admitted"));
    });
    socket.once("connect_error", (error) => {
      socket.disconnect();
      const data = (error as Error & { data?: RealtimeErrorBody }).data;
      if (data === undefined) reject(error);
      else resolve(data);
    });
    socket.connect();
  });
}
