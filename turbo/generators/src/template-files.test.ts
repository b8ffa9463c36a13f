import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { destinationOf, listTemplateFiles } from "./template-files";

const templates = join(import.meta.dirname, "..", "templates");

describe("destinationOf", () => {
  it.each([
    { file: "package.json.hbs", expected: "packages/{{name}}/package.json" },
    { file: "src/di/__name__-feature-module.ts.hbs", expected: "packages/{{name}}/src/di/{{name}}-feature-module.ts" },
    { file: "src/di/bind-__name__-services.ts.hbs", expected: "packages/{{name}}/src/di/bind-{{name}}-services.ts" },
  ])("$file -> $expected", ({ file, expected }) => {
    expect(destinationOf("packages/{{name}}", file)).toBe(expected);
  });
});

describe("listTemplateFiles", () => {
  it("lists the feature template with the files every feature has", () => {
    const files = listTemplateFiles(join(templates, "feature"));
    expect(files).toEqual(expect.arrayContaining([
      "package.json.hbs",
      "tsconfig.json.hbs",
      "eslint.config.ts.hbs",
      "turbo.json.hbs",
      "src/index.ts.hbs",
      "src/di/symbols.ts.hbs",
      "src/bind-production.ts.hbs",
      "src/bind-dev-seed.ts.hbs",
      "src/trpc/router.ts.hbs",
      "src/trpc/router.test.ts.hbs",
    ]));
    expect(files.every((file) => file.endsWith(".hbs"))).toBe(true);
    expect(files).toEqual([...files].sort());
  });
});
