import { DEFAULT_SOCKET_IO_ALLOW, noDirectSocketIo } from "./rules/no-direct-socket-io";
import { noCrossFeatureInternals } from "./rules/no-cross-feature-internals";
import { noDirectJobVendor } from "./rules/no-direct-job-vendor";
import { noHandlerReexport } from "./rules/no-handler-reexport";
import { noRealtimeHandlerReexport } from "./rules/no-realtime-handler-reexport";

/**
 * Deliberately loose shapes, as typescript-eslint exports its own plugin and configs: ESLint's and
 * typescript-eslint's rule-context types do not line up, and a loose type is assignable to both.
 * The precisely typed rules are exported as {@link rules}.
 */
export interface CompatiblePlugin {
  readonly meta: { readonly name: string; readonly version: string };
}

/** A flat config object, loosely typed for the same reason as {@link CompatiblePlugin}. */
export interface CompatibleConfig {
  readonly name: string;
  readonly plugins: Record<string, CompatiblePlugin>;
  readonly rules: Record<string, "error" | ["error", ...unknown[]]>;
}

/** Every rule of the plugin, keyed by its name (which is also its file and docs page name). */
export const rules = {
  "no-direct-socket-io": noDirectSocketIo,
  "no-realtime-handler-reexport": noRealtimeHandlerReexport,
  "no-handler-reexport": noHandlerReexport,
  "no-direct-job-vendor": noDirectJobVendor,
  "no-cross-feature-internals": noCrossFeatureInternals,
};

/**
 * The architecture guards as an ESLint plugin. Register it under the `@repo` namespace so rule ids
 * read `@repo/no-direct-socket-io`.
 *
 * @example
 * export default [{ plugins: { "@repo": coreEslintPlugin }, rules: { "@repo/no-direct-socket-io": "error" } }];
 */
export const coreEslintPlugin: CompatiblePlugin = definePlugin({ meta: { name: "@repo/core-eslint", version: "0.0.0" }, rules });

function definePlugin(plugin: CompatiblePlugin & { readonly rules: typeof rules }): CompatiblePlugin {
  return plugin;
}

/**
 * Flat config enabling all five rules as errors with their default options.
 *
 * @example
 * // eslint.config.ts
 * import { recommended } from "@repo/core-eslint";
 * export default [recommended];
 */
export const recommended: CompatibleConfig = {
  name: "@repo/core-eslint/recommended",
  plugins: { "@repo": coreEslintPlugin },
  rules: {
    "@repo/no-direct-socket-io": "error",
    "@repo/no-realtime-handler-reexport": "error",
    "@repo/no-handler-reexport": "error",
    "@repo/no-direct-job-vendor": "error",
    "@repo/no-cross-feature-internals": "error",
  },
};

/**
 * Files of this repo that legitimately open raw Socket.IO connections besides the ADR-016
 * defaults: tests (real sockets, per the testing rules) and the benchmark package, whose
 * baseline is plain Socket.IO. Browser tests (`apps/e2e`) drive pages, never raw sockets.
 */
export const REPO_RAW_SOCKET_IO_ALLOW: readonly string[] = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "packages/bench/**",
];

/**
 * The guards as this repo runs them (tooling/eslint applies it to every package): `recommended`
 * with the Socket.IO allowlist widened by {@link REPO_RAW_SOCKET_IO_ALLOW}. The real-repo lint
 * test runs exactly this config, so the test and `pnpm lint` cannot disagree.
 *
 * @example
 * // tooling/eslint/src/index.ts
 * defineConfig(tseslint.configs.recommendedTypeChecked, repoGuards);
 */
export const repoGuards: CompatibleConfig = {
  ...recommended,
  name: "@repo/core-eslint/repo-guards",
  rules: {
    ...recommended.rules,
    "@repo/no-direct-socket-io": ["error", { allow: [...DEFAULT_SOCKET_IO_ALLOW, ...REPO_RAW_SOCKET_IO_ALLOW] }],
  },
};
