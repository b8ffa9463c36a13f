import type { TDashboardSnapshot } from "@repo/admin-observability/client";

/** What the `/admin` page may do for one request: render with its first-paint data, or answer 403. */
export type AdminPageAccess = { readonly kind: "admin"; readonly snapshot: TDashboardSnapshot } | { readonly kind: "forbidden" };

/**
 * The server-side check the page runs before rendering anything. The app
 * server publishes it once its features are bound: Next renders pages in the
 * same process but from its own module graph, so the page cannot import the
 * bound authenticator or router directly.
 */
export interface AdminPageGateway {
  /** Authenticates the request's `Cookie` header and, for an admin, loads the dashboard snapshot. */
  load(cookieHeader: string | undefined): Promise<AdminPageAccess>;
}

/** A registry-wide symbol: the same key from the server's module graph and from Next's. */
const GATEWAY_KEY = Symbol.for("@repo/web-next/admin-page-gateway");

type GatewayHolder = { [GATEWAY_KEY]?: AdminPageGateway };

/**
 * Makes `gateway` the one the page uses; returns the function that removes it
 * (shutdown, tests).
 *
 * @example
 * const unpublish = publishAdminPageGateway(createAdminPageGateway(bound, logger));
 */
export function publishAdminPageGateway(gateway: AdminPageGateway): () => void {
  const holder = globalThis as GatewayHolder;
  holder[GATEWAY_KEY] = gateway;
  return () => {
    if (holder[GATEWAY_KEY] === gateway) delete holder[GATEWAY_KEY];
  };
}

/**
 * The published gateway, or `undefined` before the server bound its
 * features (the page then answers 403: it fails closed).
 *
 * @example
 * const access = (await findAdminPageGateway()?.load(cookieHeader)) ?? { kind: "forbidden" };
 */
export function findAdminPageGateway(): AdminPageGateway | undefined {
  return (globalThis as GatewayHolder)[GATEWAY_KEY];
}
