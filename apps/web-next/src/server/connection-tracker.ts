import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Every TCP connection of an http server, upgraded ones included (Next's HMR
 * WebSocket), which `closeAllConnections()` does not reach. The last
 * shutdown step destroys whatever is still open so `server.close()` can finish.
 *
 * @example
 * const connections = trackConnections(httpServer);
 * connections.destroyAll();
 */
export function trackConnections(server: Server): { readonly size: number; destroyAll(): void } {
  const open = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
  return {
    get size() {
      return open.size;
    },
    destroyAll() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}
