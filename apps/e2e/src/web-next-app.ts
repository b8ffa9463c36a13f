import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web-next, found through this package's `@repo/web-next` dependency link (not a hard-coded sibling path). */
export const WEB_NEXT_DIR = realpathSync(fileURLToPath(new URL("../node_modules/@repo/web-next", import.meta.url)));

/**
 * Throws unless `next build` has run: the tests serve the production build,
 * exactly as `pnpm start` does (turbo's `test` task depends on
 * `@repo/web-next#build`; run by hand: `pnpm --filter @repo/web-next build`).
 *
 * @example
 * assertProductionBuild();
 */
export function assertProductionBuild(dir = WEB_NEXT_DIR): void {
  if (!existsSync(join(dir, ".next", "BUILD_ID"))) {
    throw new Error(`No production build in ${dir}/.next: run \`pnpm --filter @repo/web-next build\` first`);
  }
}
