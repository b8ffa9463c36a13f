import { describe, expect, it } from "vitest";

import { entryPointKeys, isExportedSubpath, resolveSubpath } from "./subpath-map";

describe("resolveSubpath", () => {
  const exportsField = {
    ".": "./src/index.ts",
    "./client": { types: "./src/client.ts", default: "./dist/client.js" },
    "./features/*": "./src/features/*.ts",
    "./features/internal/*": null,
  };

  it.each([
    [".", "./src/index.ts"],
    ["./client", "./src/client.ts"],
    ["./features/polls", "./src/features/polls.ts"],
    ["./features/internal/x", undefined],
    ["./src/index", undefined],
  ])("%s -> %s", (key, expected) => {
    expect(resolveSubpath(exportsField, key)).toBe(expected);
  });

  it("treats a string exports field as the root entry", () => {
    expect(resolveSubpath("./src/index.ts", ".")).toBe("./src/index.ts");
    expect(resolveSubpath("./src/index.ts", "./x")).toBeUndefined();
  });

  it("treats a bare conditions object as the root entry", () => {
    expect(resolveSubpath({ import: "./a.js", types: "./a.ts" }, ".")).toBe("./a.ts");
  });

  it("resolves package.json imports (#) patterns", () => {
    expect(resolveSubpath({ "#handlers/*": "./src/realtime/handlers/*" }, "#handlers/on-vote.handler")).toBe(
      "./src/realtime/handlers/on-vote.handler",
    );
    expect(resolveSubpath({ "#io": "socket.io" }, "#io")).toBe("socket.io");
  });
});

describe("entryPointKeys / isExportedSubpath", () => {
  it("lists declared keys and checks membership", () => {
    const exportsField = { ".": "./src/index.ts", "./testing": "./src/testing.ts" };
    expect(entryPointKeys(exportsField)).toEqual([".", "./testing"]);
    expect(isExportedSubpath(exportsField, "./testing")).toBe(true);
    expect(isExportedSubpath(exportsField, "./src/testing")).toBe(false);
    expect(entryPointKeys(undefined)).toEqual([]);
  });
});
