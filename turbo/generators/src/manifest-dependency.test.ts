import { describe, expect, it } from "vitest";
import { addWorkspaceDependency, ensureDependencies } from "./manifest-dependency";

describe("addWorkspaceDependency", () => {
  it("adds the dependency as workspace:*, keeps the others sorted and the file ending in a newline", () => {
    const manifest = JSON.stringify({ name: "@repo/web-next", dependencies: { "@repo/auth": "workspace:*", zod: "catalog:" }, devDependencies: { vitest: "catalog:" } }, null, 2);
    const result = addWorkspaceDependency(`${manifest}\n`, "@repo/polls");
    expect(JSON.parse(result)).toEqual({
      name: "@repo/web-next",
      dependencies: { "@repo/auth": "workspace:*", "@repo/polls": "workspace:*", zod: "catalog:" },
      devDependencies: { vitest: "catalog:" },
    });
    expect(Object.keys((JSON.parse(result) as { dependencies: object }).dependencies)).toEqual(["@repo/auth", "@repo/polls", "zod"]);
    expect(result.endsWith("}\n")).toBe(true);
  });

  it("creates dependencies when the manifest has none", () => {
    expect(JSON.parse(addWorkspaceDependency('{ "name": "x" }', "@repo/polls"))).toEqual({ name: "x", dependencies: { "@repo/polls": "workspace:*" } });
  });

  it("leaves the text untouched when the dependency is there", () => {
    const manifest = '{ "dependencies": { "@repo/polls": "workspace:*" } }';
    expect(addWorkspaceDependency(manifest, "@repo/polls")).toBe(manifest);
  });
});

describe("ensureDependencies", () => {
  const manifest = `${JSON.stringify({ name: "@repo/auth", dependencies: { "@repo/core-di": "workspace:*" }, devDependencies: { vitest: "catalog:" } }, null, 2)}\n`;

  it("adds what is missing to each section, sorted", () => {
    const result = ensureDependencies(manifest, {
      dependencies: { "@repo/core-realtime": "workspace:*", "@repo/core-di": "workspace:*", zod: "catalog:" },
      devDependencies: { "@repo/core-testing": "workspace:*" },
    });
    expect(JSON.parse(result)).toEqual({
      name: "@repo/auth",
      dependencies: { "@repo/core-di": "workspace:*", "@repo/core-realtime": "workspace:*", zod: "catalog:" },
      devDependencies: { "@repo/core-testing": "workspace:*", vitest: "catalog:" },
    });
  });

  it("counts a dependency listed in the other section as present", () => {
    expect(ensureDependencies(manifest, { dependencies: { vitest: "catalog:" } })).toBe(manifest);
  });
});
