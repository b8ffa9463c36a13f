import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";

const PATH_PREFIXES = ["apps/", "packages/", "tooling/", "docs/", "turbo/", "scripts/", ".ci/"];
const PATH_SUFFIXES = [".md", ".ts", ".json", ".yaml"];

/** How a backticked token of a doc is treated. */
export type DocToken =
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "pattern"; readonly path: string }
  | { readonly kind: "outside-repo"; readonly path: string };

/**
 * The path-like tokens of a markdown doc's inline code spans (fenced blocks are skipped; a span
 * such as `bash .ci/run` is split on whitespace). A token is path-like when it starts with a repo
 * folder prefix and contains a `/`, or ends in .md/.ts/.json/.yaml. Tokens with `*` or a
 * `<placeholder>` are patterns; tokens climbing out with `../` are not repo-relative.
 *
 * @example
 * docPathTokens("Run `bash .ci/run` and read `packages/*`.");
 * // [{ kind: "path", path: ".ci/run" }, { kind: "pattern", path: "packages/*" }]
 */
export function docPathTokens(markdown: string): DocToken[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  const tokens: DocToken[] = [];
  for (const [, span = ""] of prose.matchAll(/`([^`\n]+)`/g)) {
    for (const raw of span.split(/\s+/)) {
      const token = raw.replace(/[,.;:)]+$/, "");
      if (token === "" || token.includes("://") || token.startsWith("@") || token.startsWith("-")) continue;
      const looksLikePath =
        (token.includes("/") && PATH_PREFIXES.some((prefix) => token.startsWith(prefix))) ||
        PATH_SUFFIXES.some((suffix) => token.endsWith(suffix));
      if (!looksLikePath) continue;
      if (token.startsWith("../") || isAbsolute(token)) tokens.push({ kind: "outside-repo", path: token });
      else if (/[*<>{}]/.test(token)) tokens.push({ kind: "pattern", path: token });
      else tokens.push({ kind: "path", path: token });
    }
  }
  return tokens;
}

/**
 * True when `path` exists at the repo root or, for package-relative names such as
 * `src/index.ts`, inside at least one of `packageDirs`.
 *
 * @example
 * docPathExists("/work/main", ["/work/main/packages/core-eslint"], "src/index.ts"); // true
 */
export function docPathExists(repoRoot: string, packageDirs: readonly string[], path: string): boolean {
  const inRepo = join(repoRoot, path);
  if (relative(repoRoot, inRepo).startsWith("..")) return false;
  return existsSync(inRepo) || packageDirs.some((dir) => existsSync(join(dir, path)));
}
