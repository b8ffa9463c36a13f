import { describe, expect, it } from "vitest";

import { entryPointKeys, subpathTarget } from "./package-entries";

const manifest = {
  name: "@repo/x",
  exports: {
    ".": "./src/index.ts",
    "./client": { types: "./src/client.ts", default: "./dist/client.js" },
    "./features/*": "./src/features/*.ts",
    "./features/internal/*": null,
  },
  imports: { "#handlers/*": "./src/realtime/handlers/*", "#io": "socket.io" },
};

describe("subpathTarget", () => {
  it.each([
    [".", "./src/index.ts"],
    ["./client", "./src/client.ts"],
    ["./features/polls", "./src/features/polls.ts"],
    ["./features/internal/x", undefined],
    ["./src/index", undefined],
    ["#handlers/on-vote.handler", "./src/realtime/handlers/on-vote.handler"],
    ["#io", "socket.io"],
    ["#nope", undefined],
  ])("%s -> %s", (key, expected) => {
    expect(subpathTarget(manifest, key)).toBe(expected);
  });
});

describe("entryPointKeys", () => {
  it("lists declared keys; the sugar forms are the root entry", () => {
    expect(entryPointKeys(manifest.exports)).toEqual([".", "./client", "./features/*", "./features/internal/*"]);
    expect(entryPointKeys("./src/index.ts")).toEqual(["."]);
    expect(entryPointKeys({ import: "./a.js", types: "./a.ts" })).toEqual(["."]);
    expect(entryPointKeys(undefined)).toEqual([]);
  });
});
