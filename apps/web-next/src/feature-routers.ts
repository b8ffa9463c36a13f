import type { FeatureModule } from "@repo/core-di";

/** The router type a feature module carries, or `never` when it has none. */
type RouterOf<M> = M extends { readonly router?: infer R } ? Exclude<R, undefined> : never;

/** `{ auth: FeatureModule<AuthRouter>, ... }` -> `{ auth: AuthRouter, ... }`, dropping features without a router. */
export type FeatureRouters<F> = { [K in keyof F as [RouterOf<F[K]>] extends [never] ? never : K]: RouterOf<F[K]> };

/** A feature keyed under another name than its own would mount its router at the wrong path. */
export class FeatureKeyMismatchError extends Error {
  override readonly name = "FeatureKeyMismatchError";
}

/**
 * Each feature's router under the feature's name, with the types kept, ready
 * to spread into the app router.
 *
 * @example
 * const appRouter = router({ ...featureRouters({ auth }), realtime: realtimeRouter });
 */
export function featureRouters<F extends Record<string, FeatureModule<unknown>>>(features: F): FeatureRouters<F> {
  const routers: Record<string, unknown> = {};
  for (const [key, module] of Object.entries(features)) {
    if (key !== module.name) throw new FeatureKeyMismatchError(`Feature "${module.name}" is registered under "${key}"; use its name as the key`);
    if (module.router !== undefined) routers[key] = module.router;
  }
  // The loop above builds exactly the mapped type: one entry per feature that has a router.
  return routers as FeatureRouters<F>;
}
