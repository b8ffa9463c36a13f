export { authedProcedure, createCallerFactory, mergeRouters, publicProcedure, roleProcedure, router } from "./trpc";
export { formatError, INTERNAL_ERROR_MESSAGE } from "./format-error";
export type { RequestContext } from "./request-context";
