import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

import { repoGuards } from "./src/index";

// Not @repo/eslint-config: that package turns these rules on repo-wide and so depends on this
// one; depending back would be a cycle turbo rejects. The settings below mirror it.
export default defineConfig(
  // Fixtures are mini-repos full of deliberate violations; the rule tests lint them on purpose.
  globalIgnores(["**/node_modules/**", "**/test-output/**", "**/.turbo/**", "fixtures/**"]),
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/require-await": "off",
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  repoGuards,
);
