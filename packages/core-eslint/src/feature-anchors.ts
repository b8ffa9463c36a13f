import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { isRecord, readJsoncFile, stringArray } from "./jsonc";
import { toRepoPath } from "./repo-root";
import { listWorkspaceDirs } from "./workspace";

/**
 * The anchor comments every feature (and the feature generator template) keeps, by file. Each
 * is a whole line; generators insert code just above them, so losing one breaks `turbo gen`.
 */
export const FEATURE_ANCHORS = {
  "src/index.ts": ["// @anchor:exports", "// @anchor:realtime-channels"],
  "src/di/symbols.ts": ["// @anchor:symbols", "// @anchor:realtime-symbols"],
  "src/bind-production.ts": ["// @anchor:bindings", "// @anchor:realtime-handlers"],
  "src/bind-dev-seed.ts": ["// @anchor:bindings", "// @anchor:realtime-handlers"],
} as const satisfies Record<string, readonly string[]>;

/** Where the `feature` generator's template lives, relative to the repo root; its files add `.hbs`. */
export const FEATURE_TEMPLATE_DIR = "turbo/generators/templates/feature";

/** One anchor missing from one file (repo-relative). */
export interface MissingAnchor {
  readonly file: string;
  readonly anchor: string;
}

/** A directory checked for anchors: a feature package, or the template (whose files end in `.hbs`). */
export interface AnchorTarget {
  readonly dir: string;
  readonly fileSuffix: "" | ".hbs";
}

/**
 * Feature packages: workspace packages whose turbo.json `tags` include "feature" (ADR-010).
 * Returns repo-relative directories, sorted.
 *
 * @example
 * findFeaturePackages("/work/main"); // ["packages/notifications", "packages/polls"]
 */
export function findFeaturePackages(repoRoot: string): string[] {
  const dirs: string[] = [];
  for (const dir of listWorkspaceDirs(repoRoot)) {
    const turbo = readJsoncFile(join(dir, "turbo.json"));
    if (isRecord(turbo) && stringArray(turbo.tags).includes("feature")) dirs.push(toRepoPath(repoRoot, dir));
  }
  return dirs.sort();
}

/**
 * Every directory whose anchors are checked: each feature package, plus the generator template
 * once it exists.
 *
 * @example
 * listAnchorTargets("/work/main"); // [{ dir: "packages/polls", fileSuffix: "" }, { dir: "turbo/generators/templates/feature", fileSuffix: ".hbs" }]
 */
export function listAnchorTargets(repoRoot: string): AnchorTarget[] {
  const targets: AnchorTarget[] = findFeaturePackages(repoRoot).map((dir) => ({ dir, fileSuffix: "" }));
  if (existsSync(join(repoRoot, FEATURE_TEMPLATE_DIR))) targets.push({ dir: FEATURE_TEMPLATE_DIR, fileSuffix: ".hbs" });
  return targets;
}

/**
 * The anchors missing from every feature and the feature template: empty when all are intact.
 * A missing file counts as missing all of its anchors. An anchor must be a line of its own.
 *
 * @example
 * checkFeatureAnchors("/work/main"); // [{ file: "packages/polls/src/index.ts", anchor: "// @anchor:exports" }]
 */
export function checkFeatureAnchors(repoRoot: string): MissingAnchor[] {
  const missing: MissingAnchor[] = [];
  for (const target of listAnchorTargets(repoRoot)) {
    for (const [relativeFile, anchors] of Object.entries(FEATURE_ANCHORS)) {
      const file = `${target.dir}/${relativeFile}${target.fileSuffix}`;
      const path = join(repoRoot, file);
      const lines = existsSync(path) ? new Set(readFileSync(path, "utf8").split(/\r?\n/).map((line) => line.trim())) : new Set();
      for (const anchor of anchors) {
        if (!lines.has(anchor)) missing.push({ file, anchor });
      }
    }
  }
  return missing;
}
