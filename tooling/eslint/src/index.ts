import { defineConfig, globalIgnores } from "eslint/config";
import type { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { repoGuards } from "@repo/core-eslint";

/**
 * The flat config every package extends. Type-aware rules are on because the
 * bugs they catch (floating promises, unsafe `any` flowing out of a boundary)
 * are the ones that hurt a realtime server most.
 *
 * @example
 * // packages/<name>/eslint.config.ts
 * import { repoConfig } from "@repo/eslint-config";
 * export default repoConfig(import.meta.dirname);
 */
export function repoConfig(tsconfigRootDir: string, ...extra: Linter.Config[]): Linter.Config[] {
  return defineConfig(
    globalIgnores(["**/node_modules/**", "**/dist/**", "**/.next/**", "**/.turbo/**", "**/test-output/**", "**/next-env.d.ts"]),
    tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      linterOptions: { reportUnusedDisableDirectives: "error" },
      rules: {
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/no-floating-promises": "error",
        "@typescript-eslint/require-await": "off",
        "no-empty": ["error", { allowEmptyCatch: false }],
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                group: ["@repo/*/src", "@repo/*/src/**"],
                message: "Import a package through its public entry (its package.json `exports`), never its src/.",
              },
            ],
          },
        ],
      },
    },
    // The architecture guards (ADR-010/015/016): plugin "@repo", all five rules as errors, the
    // Socket.IO allowlist widened for tests and packages/bench, packages/e2e (raw clients).
    repoGuards,
    {
      // Environment is read in one `env.ts` per app or package (create-t3-turbo's rule), so every
      // variable the code reads is in a file a reader (and turbo-env.repo.test.ts) can find.
      ignores: ["**/env.ts", "**/*.test.ts", "**/*.test.tsx", "**/__tests__/**"],
      rules: {
        "no-restricted-properties": [
          "error",
          { object: "process", property: "env", message: "Read the environment in this app's or package's env.ts, never elsewhere." },
        ],
      },
    },
    {
      files: ["**/*.test.ts", "**/*.test.tsx", "**/__tests__/**"],
      rules: {
        "@typescript-eslint/no-non-null-assertion": "off",
        "@typescript-eslint/unbound-method": "off",
      },
    },
    ...extra,
  );
}
