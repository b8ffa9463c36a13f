import { statSync } from "node:fs";
import { dirname } from "node:path";

import ts from "typescript";

import { isInside } from "./repo-root";

const optionsCache = new Map<string, { mtimeMs: number; options: ts.CompilerOptions }>();

// Only the options are wanted: listing the project's files would cost a directory walk per config.
const configHost: ts.ParseConfigFileHost = {
  ...ts.sys,
  readDirectory: () => [],
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(`@repo/core-eslint: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
  },
};

/**
 * The compiler options of the tsconfig.json nearest to `file` (its `extends` chain applied by
 * TypeScript itself), searching no higher than `repoRoot`; `undefined` when there is none. Cached
 * by the config file's mtime.
 *
 * @example
 * findTsconfigOptions("/repo/packages/polls/src/a.ts", "/repo")?.paths; // { "~/*": ["./src/*"] }
 */
export function findTsconfigOptions(file: string, repoRoot: string): ts.CompilerOptions | undefined {
  const configPath = ts.findConfigFile(dirname(file), (path) => ts.sys.fileExists(path));
  if (configPath === undefined || !isInside(repoRoot, configPath)) return undefined;
  const mtimeMs = statSync(configPath).mtimeMs;
  const cached = optionsCache.get(configPath);
  if (cached?.mtimeMs === mtimeMs) return cached.options;
  const options = ts.getParsedCommandLineOfConfigFile(configPath, {}, configHost)?.options ?? {};
  optionsCache.set(configPath, { mtimeMs, options });
  return options;
}
