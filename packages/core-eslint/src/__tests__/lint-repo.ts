import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

import * as tsParser from "@typescript-eslint/parser";
import { ESLint } from "eslint";

import type { CompatibleConfig } from "../plugin";

// Build output, dependencies, caches and this package's deliberate-violation fixtures.
const SKIPPED_DIRS = new Set(["node_modules", "fixtures", ".next", "dist", ".turbo", "test-output", ".git", "coverage"]);

/**
 * Every `*.ts` / `*.tsx` file under `root` that the repo's lint covers, repo-relative and sorted.
 *
 * @example
 * listLintedFiles("/work/main"); // ["packages/core-eslint/src/glob.ts", ...]
 */
export function listLintedFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push(relative(root, join(dir, entry.name)).split(sep).join("/"));
      }
    }
  };
  walk(root);
  return files.sort();
}

/** One lint message, reduced to what the tests compare. */
export interface LintFinding {
  readonly file: string;
  readonly ruleId: string | null;
  readonly message: string;
}

/**
 * Lints `files` (relative to `root`) with only the given guard config and typescript-eslint's
 * parser, without type information and without any eslint.config file.
 *
 * @example
 * await lintWithGuards("/work/main", ["apps/web/server.ts"], repoGuards);
 */
export async function lintWithGuards(root: string, files: readonly string[], guards: CompatibleConfig): Promise<LintFinding[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts", "**/*.tsx"],
        languageOptions: { parser: tsParser },
        // Disable comments name rules of the full config that this one does not load; whether
        // they are still needed is the full lint's business, not this test's.
        linterOptions: { reportUnusedDisableDirectives: "off" },
        ...guards,
      },
    ],
  });
  const results = await eslint.lintFiles([...files]);
  return results.flatMap((result) =>
    result.messages
      // Keep parse failures (no ruleId) and this plugin's reports; drop "Definition for rule
      // '@typescript-eslint/…' was not found" raised by disable comments for unloaded rules.
      .filter((message) => message.ruleId === null || message.ruleId.startsWith("@repo/"))
      .map((message) => ({
        file: relative(root, result.filePath).split(sep).join("/"),
        ruleId: message.ruleId,
        message: message.message,
      })),
  );
}
