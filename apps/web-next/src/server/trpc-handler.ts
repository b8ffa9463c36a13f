import { randomUUID } from "node:crypto";
import type { Logger } from "@repo/core-observability";
import type { IRealtimeAuthenticator } from "@repo/core-realtime/server";
import type { RequestContext } from "@repo/core-trpc";
import type { AnyTRPCRouter } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { RequestHandler } from "./http-dispatcher";
import { TRPC_PREFIX } from "./http-dispatcher";
import { resolveRequestUser } from "./resolve-request-user";

export interface TrpcHandlerOptions {
  readonly router: AnyTRPCRouter;
  readonly authenticator: IRealtimeAuthenticator;
  readonly logger: Logger;
  /** Most calls in one batch (`TRPC_MAX_BATCH_SIZE`): without a bound one request runs a thousand procedures. */
  readonly maxBatchSize: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Largest request body tRPC reads (answered 413 beyond it): without a bound one POST can buffer gigabytes. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The app router over tRPC's Node adapter at `/api/trpc/<procedure>`, plain
 * JSON. Each request gets its user (cookie or Bearer) and a request id
 * (a sane incoming `x-request-id`, or a fresh one), echoed back.
 *
 * @example
 * dispatcher.setTrpcHandler(createTrpcHandler({ router: bound.appRouter, authenticator, logger, maxBatchSize: 10 }));
 */
export function createTrpcHandler(options: TrpcHandlerOptions): RequestHandler {
  const log = options.logger.child({ layer: "trpc" });
  return createHTTPHandler({
    router: options.router,
    basePath: `${TRPC_PREFIX}/`,
    maxBodySize: TRPC_MAX_BODY_BYTES,
    // Checked while tRPC parses the request, before any context or procedure: a larger batch is a 400 that runs nothing.
    maxBatchSize: options.maxBatchSize,
    async createContext({ req, res }): Promise<RequestContext> {
      const incoming = req.headers["x-request-id"];
      const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("x-request-id", requestId);
      return { user: await resolveRequestUser(options.authenticator, req, log), requestId };
    },
    onError({ error, path, ctx }) {
      const fields = { path, code: error.code, requestId: (ctx as RequestContext | undefined)?.requestId };
      if (error.code === "INTERNAL_SERVER_ERROR") log.error({ ...fields, err: error.cause ?? error }, "trpc_procedure_failed");
      else log.debug(fields, "trpc_procedure_refused");
    },
  });
}
