import type { Server, ServerOptions, Socket } from "socket.io";
import type { RealtimeUser } from "./channels/realtime-user";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol/wire-protocol";

/** Messages between server instances (through the adapter's `serverSideEmit`). */
interface RealtimeInterServerEvents {
  /** Re-run gates 1 and 2 for this user's sockets on the receiving instance. */
  "realtime:reauthenticate": (userId: string) => void;
  /** Answer this instance's subscribers per concrete channel (the server API's channel list). */
  "realtime:channel-counts": (ack: (counts: Record<string, number>) => void) => void;
}

/**
 * What gate 1 stores on `socket.data`. Credentials are deliberately not here:
 * `socket.data` is shared with other instances (`fetchSockets`) and persisted
 * by connection-state recovery, and tokens must not travel or be stored.
 */
interface RealtimeSocketData {
  user: RealtimeUser | null;
  /** Concrete channel name -> channel template, for metrics and re-authorization. */
  subscriptions: Map<string, string>;
}

export type RealtimeIOServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  RealtimeInterServerEvents,
  RealtimeSocketData
>;

export type RealtimeIOSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  RealtimeInterServerEvents,
  RealtimeSocketData
>;

/**
 * A Socket.IO adapter (its class or a factory of it): the seam the Redis work
 * plugs into, e.g. `createAdapter(redisClient)` from `@socket.io/redis-streams-adapter`.
 */
export type SocketIOAdapterFactory = ServerOptions["adapter"];

/**
 * Writes one event to one socket, now, on this instance. Not `socket.emit`:
 * with connection-state recovery on a cluster adapter that goes through the
 * shared stream first, so a replay could reach the client after the ack that
 * ends it. Per-socket events never need to cross instances.
 */
export function emitToSocket<E extends keyof ServerToClientEvents>(
  socket: RealtimeIOSocket,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  socket.nsp.local.to(socket.id).emit(event, ...args);
}

/** Room holding every socket of one user, on every instance. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Room holding every socket opened with one session, on every instance. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}
