import { existsSync } from "node:fs";
import { join } from "node:path";
import { ANCHORS, hasAnchor } from "./anchors";
import { APP_BIND_ALL, APP_FEATURE_MIGRATIONS, APP_PACKAGE_JSON, RESERVED_FEATURE_NAMES } from "./app-wiring";
import { nameProblem, propertyKey } from "./names";
import { packageDir, readTextOrNull, workspacePackageNames } from "./workspace";

/**
 * The keys of the `features` object in bind-all.ts: the one-line entries just above
 * `// @anchor:features`, up to the line that opens the object.
 *
 * @example
 * featureEntries("const features = {\n  auth: await x,\n  // @anchor:features\n};"); // ["auth"]
 */
export function featureEntries(bindAll: string): string[] {
  const lines = bindAll.split("\n");
  const anchorLine = lines.findIndex((line) => line.trim() === ANCHORS.features);
  const keys: string[] = [];
  for (let index = anchorLine - 1; index >= 0; index--) {
    const line = (lines[index] ?? "").trim();
    if (line.endsWith("{")) break;
    const key = /^("[^"]+"|[A-Za-z_$][\w$]*):/.exec(line)?.[1];
    if (key !== undefined) keys.push(key);
  }
  return keys.reverse();
}

/**
 * Everything that stops `feature <name>` from writing a working package and its wiring; empty
 * when the generator may run. Checked before any file is written.
 *
 * @example
 * featureProblems("/repo", "polls"); // ['packages/polls already exists; pick another feature name']
 */
export function featureProblems(root: string, name: unknown): string[] {
  const invalid = nameProblem("feature name", name);
  if (invalid !== null || typeof name !== "string") return [invalid ?? "feature name is required"];
  const problems: string[] = [];
  if (name.startsWith("core-")) problems.push(`feature name "${name}" starts with "core-", which is reserved for core packages (use the core-package generator)`);
  if (RESERVED_FEATURE_NAMES.includes(name)) problems.push(`feature name "${name}" is reserved: the app router already has a "${name}" key`);
  if (existsSync(packageDir(root, name))) problems.push(`packages/${name} already exists; pick another feature name`);
  else if (workspacePackageNames(root).has(`@repo/${name}`)) problems.push(`a workspace package is already named @repo/${name}`);
  const bindAll = readTextOrNull(join(root, APP_BIND_ALL));
  if (bindAll === null) problems.push(`${APP_BIND_ALL} is missing; the feature cannot be wired into the app`);
  else {
    if (!hasAnchor(bindAll, ANCHORS.features)) problems.push(`${APP_BIND_ALL} lost its "${ANCHORS.features}" line; restore it above the closing brace of \`features\``);
    if (featureEntries(bindAll).includes(propertyKey(name))) problems.push(`${APP_BIND_ALL} already wires a feature "${name}"`);
  }
  const migrations = readTextOrNull(join(root, APP_FEATURE_MIGRATIONS));
  if (migrations === null) problems.push(`${APP_FEATURE_MIGRATIONS} is missing; the feature's migrations cannot be listed`);
  else if (!hasAnchor(migrations, ANCHORS.featureMigrations)) {
    problems.push(`${APP_FEATURE_MIGRATIONS} lost its "${ANCHORS.featureMigrations}" line; restore it above the closing bracket of \`featureMigrations\``);
  }
  const appManifest = readTextOrNull(join(root, APP_PACKAGE_JSON));
  if (appManifest === null) problems.push(`${APP_PACKAGE_JSON} is missing`);
  else if (appManifest.includes(`"@repo/${name}"`)) problems.push(`${APP_PACKAGE_JSON} already depends on @repo/${name}`);
  return problems;
}
