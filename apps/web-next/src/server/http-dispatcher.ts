import type { IncomingMessage, ServerResponse } from "node:http";
import { crossSiteRefusal } from "@repo/auth";
import type { HttpRoute } from "@repo/core-di";
import type { Logger } from "@repo/core-observability";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** tRPC's mount point: everything under it goes to the tRPC handler. */
export const TRPC_PREFIX = "/api/trpc";

export interface HttpDispatcherOptions {
  readonly logger: Logger;
  /** While true, responses carry `Connection: close` so keep-alive clients leave. */
  readonly isDraining: () => boolean;
  /** Origins trusted like the page's own for state-changing requests (`CORS_ORIGINS`); default none. */
  readonly allowedOrigins?: readonly string[];
}

/** Methods that change nothing; every other method is state-changing and guarded. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * The one `request` listener of the http server. Routing, in order: exact
 * `HttpRoute`s (health, auth), then `/api/trpc/*`, then Next for everything
 * else. Socket.IO never reaches it: engine.io intercepts `/socket.io` first.
 * Every state-changing request (any method but GET/HEAD/OPTIONS, on any
 * route) must come from the page's own origin (`crossSiteRefusal`: 403
 * `CROSS_SITE_REQUEST`), and a tRPC one must be `application/json` (415
 * `UNSUPPORTED_MEDIA_TYPE`: tRPC would run a mutation sent as a form), all
 * before any handler runs.
 * Handlers are mounted as they become ready, so the server can listen (and
 * answer /healthz) while features and Next still start: until then, 503.
 *
 * @example
 * const dispatcher = new HttpDispatcher({ logger, isDraining: () => lifecycle.phase === "draining" });
 * const httpServer = createServer(dispatcher.listener);
 * dispatcher.setPageHandler(nextApp.getRequestHandler());
 */
export class HttpDispatcher {
  readonly #routes = new Map<string, Map<string, HttpRoute>>();
  readonly #options: HttpDispatcherOptions;
  #trpc: RequestHandler | null = null;
  #pages: RequestHandler | null = null;
  #inFlight = 0;
  #idleWaiters: Array<() => void> = [];

  constructor(options: HttpDispatcherOptions) {
    this.#options = options;
  }

  addRoutes(routes: readonly HttpRoute[]): void {
    for (const route of routes) {
      const byMethod = this.#routes.get(route.path) ?? new Map<string, HttpRoute>();
      if (byMethod.has(route.method)) throw new Error(`Route ${route.method} ${route.path} is already mounted`);
      byMethod.set(route.method, route);
      this.#routes.set(route.path, byMethod);
    }
  }

  setTrpcHandler(handler: RequestHandler): void {
    this.#trpc = handler;
  }

  setPageHandler(handler: RequestHandler): void {
    this.#pages = handler;
  }

  /** Requests still being answered. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves true once no request is in flight, false after `timeoutMs`. */
  waitForIdle(timeoutMs: number): Promise<boolean> {
    if (this.#inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.#inFlight++;
    res.once("close", () => this.#finished());
    if (this.#options.isDraining()) res.setHeader("connection", "close");
    const handler = this.#select(req, res);
    if (handler === null) return;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        this.#options.logger.error({ err: error, method: req.method, path: pathnameOf(req) }, "http_handler_failed");
        if (!res.headersSent) sendError(res, 500, "INTERNAL", "Internal server error");
        else res.destroy();
      });
  };

  #select(req: IncomingMessage, res: ServerResponse): RequestHandler | null {
    const path = pathnameOf(req);
    const isTrpc = path === TRPC_PREFIX || path.startsWith(`${TRPC_PREFIX}/`);
    if (!SAFE_METHODS.has(req.method ?? "GET")) {
      const refusal = crossSiteRefusal(req, { requireJson: isTrpc, allowedOrigins: this.#options.allowedOrigins ?? [] });
      if (refusal?.code === "INVALID_BODY") {
        sendError(res, 415, "UNSUPPORTED_MEDIA_TYPE", "tRPC mutations accept only Content-Type: application/json");
        return null;
      }
      if (refusal !== null) {
        sendError(res, refusal.status, refusal.code, refusal.message);
        return null;
      }
    }
    const byMethod = this.#routes.get(path);
    if (byMethod !== undefined) {
      const route = byMethod.get(req.method ?? "GET");
      if (route !== undefined) return (q, s) => route.handler(q, s);
      sendError(res, 405, "METHOD_NOT_ALLOWED", `Use ${[...byMethod.keys()].join(", ")}`, { allow: [...byMethod.keys()].join(", ") });
      return null;
    }
    const handler = isTrpc ? this.#trpc : this.#pages;
    if (handler === null) {
      sendError(res, 503, "STARTING", "The server is starting; retry shortly", { "retry-after": "1" });
      return null;
    }
    return handler;
  }

  #finished(): void {
    this.#inFlight--;
    if (this.#inFlight > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

function pathnameOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
