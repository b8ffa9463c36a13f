import { globalIgnores } from "eslint/config";
import { repoConfig } from "@repo/eslint-config";

// @turbo/gen bundles config.ts into a temporary `config.<uuid>.turbo-gen-bundled.cjs` beside it
// while a generator runs; it is deleted afterwards, but never lint one left by a killed run.
export default repoConfig(import.meta.dirname, globalIgnores(["*.turbo-gen-bundled.cjs"]));
