import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { isRecord, readJsoncFile, stringArray } from "./jsonc";

describe("readJsoncFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "core-eslint-jsonc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads hand-written config files with comments and trailing commas", () => {
    const file = join(dir, "turbo.json");
    writeFileSync(file, '{\n  // why\n  "tags": ["feature",], /* block */\n}\n');
    expect(readJsoncFile(file)).toEqual({ tags: ["feature"] });
  });

  it("is undefined for a missing file and names the file it cannot parse", () => {
    expect(readJsoncFile(join(dir, "absent.json"))).toBeUndefined();
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ nope }");
    expect(() => readJsoncFile(broken)).toThrow(`cannot parse ${broken}`);
  });
});

describe("guards", () => {
  it("isRecord accepts plain objects only", () => {
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord("x")]).toEqual([true, false, false, false]);
  });

  it("stringArray keeps only strings", () => {
    expect(stringArray(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(stringArray("a")).toEqual([]);
  });
});
