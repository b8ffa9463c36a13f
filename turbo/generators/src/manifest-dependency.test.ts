import { describe, expect, it } from "vitest";
import { addWorkspaceDependency } from "./manifest-dependency";

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
