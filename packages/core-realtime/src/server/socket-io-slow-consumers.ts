import type { RealtimeIOSocket } from "../socket-io-server-types";

/**
 * Packets queued in the socket's engine.io write buffer: what the transport
 * has not accepted yet because the client is not reading (its TCP window is
 * full). engine.io marks `writeBuffer` private in its typings but it is the
 * one signal that grows with an unread backlog, hence the structural read.
 */
function bufferedPackets(socket: RealtimeIOSocket): number {
  const conn = socket.conn as unknown as { readonly writeBuffer?: readonly unknown[] };
  return conn.writeBuffer?.length ?? 0;
}

/**
 * Drops every socket whose backlog exceeds `maxBuffered`. Runs on a timer over
 * the local sockets rather than inside broadcast, so the hot path stays free
 * of per-subscriber work. `disconnect(true)` runs the usual disconnect
 * bookkeeping; the forced transport close then discards the backlog instead
 * of waiting for a drain that will never come. The client sees a transport
 * close, reconnects, and resubscribes with `since`.
 *
 * @example
 * disconnectSlowConsumers(io.of("/").sockets.values(), 1_000, () => metrics.slowConsumerDisconnected());
 */
export function disconnectSlowConsumers(
  sockets: Iterable<RealtimeIOSocket>,
  maxBuffered: number,
  onDisconnect: (socket: RealtimeIOSocket, buffered: number) => void,
): number {
  let dropped = 0;
  for (const socket of [...sockets]) {
    const buffered = bufferedPackets(socket);
    if (buffered <= maxBuffered) continue;
    onDisconnect(socket, buffered);
    socket.disconnect(true);
    socket.conn.close(true);
    dropped++;
  }
  return dropped;
}
