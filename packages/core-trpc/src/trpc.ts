import { initTRPC, TRPCError } from "@trpc/server";
import { formatError } from "./format-error";
import type { RequestContext } from "./request-context";

// One root for the whole app: every feature router is built from it, so they
// merge into one app router. No transformer: the wire is plain JSON, which
// curl and non-TS clients can speak (`{"result":{"data":...}}`).
const t = initTRPC.context<RequestContext>().create({
  // Stacks never leave the process, in any environment; the server logs them.
  isDev: false,
  errorFormatter: formatError,
});

/**
 * Builds a router from procedures and sub-routers.
 *
 * @example
 * export const pollsRouter = router({ list: publicProcedure.query(() => polls.list()) });
 */
export const router = t.router;

/**
 * Server-side caller for a router, for tests and server code.
 *
 * @example
 * const caller = createCallerFactory(appRouter)({ user: null, requestId: "test" });
 */
export const createCallerFactory = t.createCallerFactory;

/**
 * Anyone may call it, signed in or not.
 *
 * @example
 * const ping = publicProcedure.query(() => "pong");
 */
export const publicProcedure = t.procedure;

/**
 * Requires a signed-in user (UNAUTHORIZED otherwise); `ctx.user` is non-null inside.
 *
 * @example
 * const me = authedProcedure.query(({ ctx }) => ctx.user.userId);
 */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.user === null) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { user: ctx.user } });
});

/**
 * Requires a signed-in user holding `role` (UNAUTHORIZED when signed out,
 * FORBIDDEN without the role).
 *
 * @example
 * const purge = roleProcedure("admin").mutation(() => cache.purge());
 */
export function roleProcedure(role: string) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!ctx.user.roles.includes(role)) throw new TRPCError({ code: "FORBIDDEN", message: `Requires role "${role}"` });
    return next();
  });
}
