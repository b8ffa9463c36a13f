import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import type { RealtimeErrorBody } from "./protocol/errors";
import type { RealtimeTransport, RealtimeTransportEvents, RealtimeTransportOptions } from "./client/realtime-transport";
import { REALTIME_DEFAULT_PATH, REALTIME_EVENTS } from "./protocol/wire-protocol";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol/wire-protocol";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function isErrorBody(value: unknown): value is RealtimeErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/**
 * Socket.IO implementation of `RealtimeTransport`. Socket.IO reconnects by
 * itself after transport failures but not after a middleware refusal or a
 * server-side disconnect; the client decides about those through `connect()`.
 */
export function createSocketIOTransport(options: RealtimeTransportOptions): RealtimeTransport {
  const socketOptions = {
    path: options.path ?? REALTIME_DEFAULT_PATH,
    transports: [...(options.transports ?? ["websocket", "polling"])],
    autoConnect: false,
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    // A function, so every (re)connection attempt reads fresh credentials.
    auth: (cb: (data: object) => void) => {
      options.getAuth().then(cb, () => cb({}));
    },
  };
  const socket: ClientSocket = options.url === undefined ? io(socketOptions) : io(options.url, socketOptions);
  const listeners: { [E in keyof RealtimeTransportEvents]: RealtimeTransportEvents[E][] } = {
    connect: [],
    disconnect: [],
    connectError: [],
    message: [],
    messageBatch: [],
    status: [],
    unsubscribed: [],
    presenceUpdate: [],
  };
  const emit = <E extends keyof RealtimeTransportEvents>(event: E, ...args: Parameters<RealtimeTransportEvents[E]>) => {
    for (const listener of listeners[event]) (listener as (...a: Parameters<RealtimeTransportEvents[E]>) => void)(...args);
  };

  socket.on("connect", () => emit("connect"));
  socket.on("disconnect", (reason) => emit("disconnect", reason));
  socket.on("connect_error", (error: Error & { data?: unknown }) => {
    emit("connectError", isErrorBody(error.data) ? error.data : { code: "TRANSPORT", message: error.message });
  });
  socket.on(REALTIME_EVENTS.message, (message) => emit("message", message));
  socket.on(REALTIME_EVENTS.messageBatch, (batch) => emit("messageBatch", batch));
  socket.on(REALTIME_EVENTS.status, (status) => emit("status", status));
  socket.on(REALTIME_EVENTS.unsubscribed, (notice) => emit("unsubscribed", notice));
  socket.on(REALTIME_EVENTS.presenceUpdate, (update) => emit("presenceUpdate", update));

  if (options.autoConnect ?? true) socket.connect();

  return {
    get connected() {
      return socket.connected;
    },
    on(event, listener) {
      listeners[event].push(listener);
    },
    request(event, frame, timeoutMs) {
      return socket.timeout(timeoutMs).emitWithAck(event, frame);
    },
    connect() {
      socket.connect();
    },
    disconnect() {
      socket.disconnect();
    },
  };
}
