import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { requireRepoRoot } from "./__tests__/rule-test-kit";
import { checkFeatureAnchors, FEATURE_ANCHORS, FEATURE_TEMPLATE_DIR, findFeaturePackages, listAnchorTargets } from "./feature-anchors";

const repoRoot = requireRepoRoot();

// The features the README and ADR-016 promise; each must carry the "feature" tag once it lands,
// otherwise it would silently escape the anchor guard (and turbo boundaries).
const PLANNED_FEATURES = ["auth", "notifications", "polls", "articles", "admin-observability"];

/** Tags read straight from every packages/*, apps/* and tooling/* turbo.json, independently of the code under test. */
function packagesTaggedFeature(root: string): string[] {
  const tagged: string[] = [];
  for (const group of ["apps", "packages", "tooling"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const turboJson = join(dir, name, "turbo.json");
      if (!existsSync(turboJson)) continue;
      const parsed = JSON.parse(readFileSync(turboJson, "utf8")) as { tags?: unknown };
      if (Array.isArray(parsed.tags) && parsed.tags.includes("feature")) tagged.push(`${group}/${name}`);
    }
  }
  return tagged.sort();
}

describe("feature anchors in this repo", () => {
  it("checks exactly the packages whose turbo.json tags say feature", () => {
    expect(findFeaturePackages(repoRoot)).toEqual(packagesTaggedFeature(repoRoot));
  });

  it("tags every planned feature package that exists as a feature", () => {
    const present = PLANNED_FEATURES.filter((name) => existsSync(join(repoRoot, "packages", name)));
    expect(present.map((name) => `packages/${name}`).filter((dir) => !findFeaturePackages(repoRoot).includes(dir))).toEqual([]);
  });

  it("checks the feature generator template (turbo/generators, issue 8)", () => {
    expect(existsSync(join(repoRoot, FEATURE_TEMPLATE_DIR)), `${FEATURE_TEMPLATE_DIR} is missing`).toBe(true);
    expect(listAnchorTargets(repoRoot)).toContainEqual({ dir: FEATURE_TEMPLATE_DIR, fileSuffix: ".hbs" });
  });

  it("finds no missing anchor in any feature or the template", () => {
    const missing = checkFeatureAnchors(repoRoot);
    expect(missing, `missing anchors:\n${missing.map((entry) => `  ${entry.file}: ${entry.anchor}`).join("\n")}`).toEqual([]);
  });
});

// The real template, copied alone into an empty directory: dropping any one anchor line from any
// one of its files is reported as exactly that file and anchor.
describe("the feature generator template's anchors", () => {
  const cases = Object.entries(FEATURE_ANCHORS).flatMap(([file, anchors]) => anchors.map((anchor) => ({ file: `${file}.hbs`, anchor })));

  it.each(cases)("reports $anchor missing from $file", ({ file, anchor }) => {
    const copy = mkdtempSync(join(tmpdir(), "feature-template-anchors-"));
    try {
      cpSync(join(repoRoot, FEATURE_TEMPLATE_DIR), join(copy, FEATURE_TEMPLATE_DIR), { recursive: true });
      expect(checkFeatureAnchors(copy)).toEqual([]);
      const path = join(copy, FEATURE_TEMPLATE_DIR, file);
      const kept = readFileSync(path, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== anchor);
      writeFileSync(path, kept.join("\n"));
      expect(checkFeatureAnchors(copy)).toEqual([{ file: `${FEATURE_TEMPLATE_DIR}/${file}`, anchor }]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
