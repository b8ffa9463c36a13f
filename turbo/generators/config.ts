import type { PlopTypes } from "@turbo/gen";
import { corePackageGenerator, featureGenerator, realtimeGenerator, registerNameHelpers } from "./src/index";

/**
 * The repo's generators (`pnpm gen`, `pnpm turbo gen <name>`, or with no download
 * `pnpm exec gen run <name> --args ...`). @turbo/gen bundles this file with esbuild and runs it
 * from the repo root; see turbo/generators/README.md.
 *
 * @example
 * // pnpm turbo gen realtime --args channel polls votes
 */
export default function generators(plop: PlopTypes.NodePlopAPI): void {
  registerNameHelpers(plop);
  plop.setGenerator("feature", featureGenerator(plop));
  plop.setGenerator("core-package", corePackageGenerator(plop));
  plop.setGenerator("realtime", realtimeGenerator(plop));
}
