import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FIXTURES_DIR } from "./__tests__/rule-test-kit";
import { checkFeatureAnchors, FEATURE_ANCHORS, FEATURE_TEMPLATE_DIR, findFeaturePackages, listAnchorTargets } from "./feature-anchors";

describe("FEATURE_ANCHORS", () => {
  it("names the anchors ADR-016 gives each feature file", () => {
    expect(FEATURE_ANCHORS).toEqual({
      "src/index.ts": ["// @anchor:exports", "// @anchor:realtime-channels"],
      "src/di/symbols.ts": ["// @anchor:symbols", "// @anchor:realtime-symbols"],
      "src/bind-production.ts": ["// @anchor:bindings", "// @anchor:realtime-handlers"],
      "src/bind-dev-seed.ts": ["// @anchor:bindings", "// @anchor:realtime-handlers"],
    });
  });
});

describe("checkFeatureAnchors on the fixture repo", () => {
  let repo: string;

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), "core-eslint-anchors-"));
    cpSync(join(FIXTURES_DIR, "workspace"), repo, { recursive: true });
  });

  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  const edit = (file: string, change: (text: string) => string): void => {
    const path = join(repo, file);
    writeFileSync(path, change(readFileSync(path, "utf8")));
  };

  it("finds the packages tagged feature and the template", () => {
    expect(findFeaturePackages(repo)).toEqual(["packages/broken", "packages/polls"]);
    expect(listAnchorTargets(repo)).toEqual([
      { dir: "packages/broken", fileSuffix: "" },
      { dir: "packages/polls", fileSuffix: "" },
      { dir: FEATURE_TEMPLATE_DIR, fileSuffix: ".hbs" },
    ]);
  });

  it("passes when every feature and the template keep all anchors", () => {
    expect(checkFeatureAnchors(repo)).toEqual([]);
  });

  it("reports the file and anchor removed from a feature", () => {
    edit("packages/polls/src/bind-dev-seed.ts", (text) => text.replace("  // @anchor:realtime-handlers\n", ""));
    expect(checkFeatureAnchors(repo)).toEqual([
      { file: "packages/polls/src/bind-dev-seed.ts", anchor: "// @anchor:realtime-handlers" },
    ]);
  });

  it("reports an anchor removed from the template's .hbs file", () => {
    edit(`${FEATURE_TEMPLATE_DIR}/src/index.ts.hbs`, (text) => text.replace("// @anchor:exports\n", ""));
    expect(checkFeatureAnchors(repo)).toEqual([
      { file: `${FEATURE_TEMPLATE_DIR}/src/index.ts.hbs`, anchor: "// @anchor:exports" },
    ]);
  });

  it("counts an anchor only as a line of its own", () => {
    edit("packages/polls/src/di/symbols.ts", (text) =>
      text
        .replace("// @anchor:symbols", "// @anchor:symbols-old")
        .replace("// @anchor:realtime-symbols", 'x: "// @anchor:realtime-symbols",'),
    );
    expect(checkFeatureAnchors(repo)).toEqual([
      { file: "packages/polls/src/di/symbols.ts", anchor: "// @anchor:symbols" },
      { file: "packages/polls/src/di/symbols.ts", anchor: "// @anchor:realtime-symbols" },
    ]);
  });

  it("reports every anchor of a missing file", () => {
    rmSync(join(repo, "packages/broken/src/index.ts"));
    expect(checkFeatureAnchors(repo)).toEqual([
      { file: "packages/broken/src/index.ts", anchor: "// @anchor:exports" },
      { file: "packages/broken/src/index.ts", anchor: "// @anchor:realtime-channels" },
    ]);
  });

  it("checks a newly tagged feature and skips an absent template", () => {
    rmSync(join(repo, FEATURE_TEMPLATE_DIR), { recursive: true });
    writeFileSync(join(repo, "packages/core-events/turbo.json"), '{ "tags": ["feature"] }');
    const missing = checkFeatureAnchors(repo);
    expect(listAnchorTargets(repo).map((target) => target.dir)).toEqual([
      "packages/broken",
      "packages/core-events",
      "packages/polls",
    ]);
    expect(missing).toHaveLength(8);
    expect(new Set(missing.map((entry) => entry.file))).toEqual(
      new Set(Object.keys(FEATURE_ANCHORS).map((file) => `packages/core-events/${file}`)),
    );
  });
});
