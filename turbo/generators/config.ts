import type { PlopTypes } from "@turbo/gen";
import { corePackageGenerator, featureGenerator, realtimeGenerator, registerNameHelpers } from "./src/index";

/**
 * The repo's generators (`pnpm gen <name> --args ...`: `bin/gen.mjs`, which runs @turbo/gen's
 * `gen run` and exits non-zero on every refusal). @turbo/gen bundles this file with esbuild and
 * runs it from the repo root; see turbo/generators/README.md. A generator added here is added to
 * `GENERATOR_NAMES` in bin/gen.mjs too (gen-command.test.ts checks).
 *
 * @example
 * // pnpm gen realtime --args channel polls votes
 */
export default function generators(plop: PlopTypes.NodePlopAPI): void {
  registerNameHelpers(plop);
  plop.setGenerator("feature", featureGenerator(plop));
  plop.setGenerator("core-package", corePackageGenerator(plop));
  plop.setGenerator("realtime", realtimeGenerator(plop));
}
