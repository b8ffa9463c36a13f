import type { IncomingMessage, ServerResponse } from "node:http";
import type { Container } from "./container";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A plain HTTP endpoint a feature serves outside tRPC (sign-in must set
 * cookies on a plain JSON POST, for instance). Paths match exactly.
 */
export interface HttpRoute {
  readonly method: HttpMethod;
  readonly path: string;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * What a feature's bind function returns. `TRouter` is the feature's tRPC
 * router type: a type parameter keeps this package free of `@trpc/*` while
 * the app still merges routers with their full types.
 *
 * @example
 * export function bindProductionAuth(ctx: BindContext): FeatureModule<AuthRouter> {
 *   const container = createContainer("auth");
 *   return { name: "auth", container, router: createAuthRouter(container), httpRoutes };
 * }
 */
export interface FeatureModule<TRouter = never> {
  /** The feature's name; also its key in the app router (`auth`, `polls`). */
  readonly name: string;
  readonly container: Container;
  readonly router?: TRouter;
  readonly httpRoutes?: readonly HttpRoute[];
  /** Release timers and connections the feature opened; called once on shutdown. */
  close?(): Promise<void>;
}
