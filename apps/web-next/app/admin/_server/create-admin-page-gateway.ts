import { randomUUID } from "node:crypto";
import type { Logger } from "@repo/core-observability";
import { createCallerFactory } from "@repo/core-trpc";
import { TRPCError } from "@trpc/server";
import type { BoundApp } from "../../../src/bind-all";
import { resolveRequestUser } from "../../../src/server/resolve-request-user";
import type { AdminPageGateway } from "./admin-page-gateway";

/**
 * The gateway over the bound app: the request's cookie goes through the same
 * authenticator as tRPC and sockets, and the snapshot comes from the
 * admin-only `adminObservability.snapshot` procedure, so "who is an admin"
 * is decided in exactly one place. A refusal (UNAUTHORIZED, FORBIDDEN) means
 * 403; anything else is a server error and propagates.
 *
 * @example
 * publishAdminPageGateway(createAdminPageGateway(bound, logger));
 */
export function createAdminPageGateway(bound: Pick<BoundApp, "appRouter" | "authenticator">, logger: Logger): AdminPageGateway {
  const createCaller = createCallerFactory(bound.appRouter);
  return {
    async load(cookieHeader) {
      const headers = cookieHeader === undefined ? {} : { cookie: cookieHeader };
      const user = await resolveRequestUser(bound.authenticator, { headers }, logger);
      try {
        const snapshot = await createCaller({ user, requestId: randomUUID() }).adminObservability.snapshot();
        return { kind: "admin", snapshot };
      } catch (error) {
        if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED")) {
          logger.info({ userId: user?.userId ?? null, code: error.code }, "admin_page_refused");
          return { kind: "forbidden" };
        }
        throw error;
      }
    },
  };
}
