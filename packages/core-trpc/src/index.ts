export { authedProcedure, createCallerFactory, publicProcedure, roleProcedure, router } from "./trpc";
export type { RequestContext } from "./request-context";
