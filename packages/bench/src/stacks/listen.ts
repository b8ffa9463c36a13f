import { createServer } from "node:http";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Socket as TcpSocket } from "node:net";

export interface ListeningHttpServer {
  readonly httpServer: HttpServer;
  /** Binds and resolves to the port actually bound (port 0 picks a free one). */
  listen(host: string, port: number): Promise<number>;
  /** Closes the server and every connection still open, upgraded ones included. */
  close(): Promise<void>;
}

/**
 * A bare http server for a stack under test. Upgraded WebSocket connections
 * are invisible to `closeAllConnections()`, so they are tracked to be ended.
 *
 * @example
 * const http = createListeningHttpServer();
 * const port = await http.listen("127.0.0.1", 0);
 */
export function createListeningHttpServer(): ListeningHttpServer {
  const httpServer = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  const tcpSockets = new Set<TcpSocket>();
  httpServer.on("connection", (socket) => {
    tcpSockets.add(socket);
    socket.once("close", () => tcpSockets.delete(socket));
  });
  return {
    httpServer,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen({ host, port, backlog: 4_096 }, () => {
          httpServer.off("error", reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      tcpSockets.forEach((socket) => socket.destroy());
      if (!httpServer.listening) return;
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
