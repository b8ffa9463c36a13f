/** Where the `feature` generator wires a new feature into the one deployable app. */
export const APP_BIND_ALL = "apps/web-next/src/bind-all.ts";
export const APP_PACKAGE_JSON = "apps/web-next/package.json";
/** Where the `feature` generator lists a new feature's migrations (applied at start and by `pnpm db:migrate`). */
export const APP_FEATURE_MIGRATIONS = "apps/web-next/src/feature-migrations.ts";

/** Keys the app router already uses for itself; a feature of that name would shadow them. */
export const RESERVED_FEATURE_NAMES: readonly string[] = ["realtime"];
