import type { Server as HttpServer } from "node:http";
import type { Logger, RealtimeMetrics } from "@repo/core-observability";
import { REALTIME_DEFAULT_PATH, SocketIORealtimeServer } from "@repo/core-realtime";
import type { IRealtimeAuthenticator, IRealtimeHandlerRegistry } from "@repo/core-realtime";

export interface CreateRealtimeServerOptions {
  readonly httpServer: HttpServer;
  readonly registry: IRealtimeHandlerRegistry;
  readonly authenticator: IRealtimeAuthenticator;
  readonly logger: Logger;
  readonly metrics: RealtimeMetrics;
  /** Browser origins besides the page's own (CORS_ORIGINS); same-origin only when empty. */
  readonly allowedOrigins: readonly string[];
}

/**
 * The one place the app constructs its realtime transport (Socket.IO on the
 * shared http server, path `/socket.io`). Single instance: no adapter yet,
 * so broadcasts reach this process's sockets only.
 *
 * @example
 * const realtimeServer = createRealtimeServer({ httpServer, registry, authenticator, logger, metrics, allowedOrigins: [] });
 */
export function createRealtimeServer(options: CreateRealtimeServerOptions): SocketIORealtimeServer {
  return new SocketIORealtimeServer({
    httpServer: options.httpServer,
    registry: options.registry,
    authenticator: options.authenticator,
    logger: options.logger,
    metrics: options.metrics,
    path: REALTIME_DEFAULT_PATH,
    allowedOrigins: options.allowedOrigins,
  });
}
