import { randomUUID } from "node:crypto";
import type { Logger } from "@repo/core-observability";
import { createCallerFactory } from "@repo/core-trpc";
import { TRPCError } from "@trpc/server";
import type { BoundApp } from "../bind-all";
import { resolveRequestUser } from "./resolve-request-user";

// A named factory so the caller's type is inferred from the app router (tRPC's generics take the router's record, not the router).
const appCallerFactory = (appRouter: BoundApp["appRouter"]) => createCallerFactory(appRouter);
type CreateAppCaller = ReturnType<typeof appCallerFactory>;

/** The app router called in-process as one request's user: what a server component uses instead of HTTP. */
type AppCaller = ReturnType<CreateAppCaller>;

/**
 * How a server-rendered page reaches the bound app. Next renders pages in
 * this process but from its own module graph, so a page cannot import the
 * server's authenticator or router; the server publishes this once its
 * features are bound, under a registry-wide symbol both graphs share.
 */
export interface PageCaller {
  /** Authenticates a request's `Cookie` header (same authenticator as tRPC and sockets) and returns a caller acting as that user. */
  forRequest(cookieHeader: string | undefined): Promise<AppCaller>;
  /**
   * True when a procedure refused the user (UNAUTHORIZED, FORBIDDEN). The
   * error comes from the server's module graph, so a page's own `TRPCError`
   * class would not match it with `instanceof`: the check lives here.
   */
  isRefusal(error: unknown): boolean;
}

const PAGE_CALLER_KEY = Symbol.for("@repo/web-next/page-caller");

type PageCallerHolder = { [PAGE_CALLER_KEY]?: PageCaller };

/**
 * A page caller over the bound app: every procedure keeps its own checks
 * (`roleProcedure`, `authedProcedure`), so who may see what is decided in
 * one place for HTTP, sockets and pages alike.
 *
 * @example
 * const caller = await createPageCaller(bound, logger).forRequest(cookieHeader);
 * const snapshot = await caller.adminObservability.snapshot();
 */
export function createPageCaller(bound: Pick<BoundApp, "appRouter" | "authenticator">, logger: Logger): PageCaller {
  const createCaller = appCallerFactory(bound.appRouter);
  return {
    async forRequest(cookieHeader) {
      const headers = cookieHeader === undefined ? {} : { cookie: cookieHeader };
      const user = await resolveRequestUser(bound.authenticator, { headers }, logger);
      return createCaller({ user, requestId: randomUUID() });
    },
    isRefusal: (error) => error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN"),
  };
}

/**
 * Makes `caller` the one pages use; returns the function that removes it (shutdown, tests).
 *
 * @example
 * const unpublish = publishPageCaller(createPageCaller(bound, logger));
 */
export function publishPageCaller(caller: PageCaller): () => void {
  const holder = globalThis as PageCallerHolder;
  holder[PAGE_CALLER_KEY] = caller;
  return () => {
    if (holder[PAGE_CALLER_KEY] === caller) delete holder[PAGE_CALLER_KEY];
  };
}

/**
 * The published page caller, or `undefined` before the server bound its
 * features (pages then fail closed).
 *
 * @example
 * const caller = await findPageCaller()?.forRequest((await headers()).get("cookie") ?? undefined);
 */
export function findPageCaller(): PageCaller | undefined {
  return (globalThis as PageCallerHolder)[PAGE_CALLER_KEY];
}
