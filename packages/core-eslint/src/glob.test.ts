import { describe, expect, it } from "vitest";

import { globToRegExp, matchesAnyGlob } from "./glob";

describe("globToRegExp", () => {
  it.each([
    ["packages/core-realtime/src/socket-io-*.ts", "packages/core-realtime/src/socket-io-server.ts", true],
    ["packages/core-realtime/src/socket-io-*.ts", "packages/core-realtime/src/nested/socket-io-server.ts", false],
    ["packages/core-realtime/src/socket-io-*.ts", "packages/core-realtime/src/socket-io-server.tsx", false],
    ["apps/*/server.ts", "apps/web-next/server.ts", true],
    ["apps/*/server.ts", "apps/web-next/src/server.ts", false],
    ["apps/*/server.ts", "apps/server.ts", false],
    ["packages/core-events/**", "packages/core-events/src/a/b.ts", true],
    ["packages/core-events/**", "packages/core-events-extra/src/a.ts", false],
    ["**/*.test.ts", "a.test.ts", true],
    ["**/*.test.ts", "packages/x/src/deep/a.test.ts", true],
    ["**/*.test.ts", "packages/x/src/a.test.tsx", false],
    ["a/**/b.ts", "a/b.ts", true],
    ["a/**/b.ts", "a/x/y/b.ts", true],
    ["a/**/b.ts", "ab.ts", false],
    ["file?.ts", "file1.ts", true],
    ["file?.ts", "file/.ts", false],
    ["a.b+(c).ts", "a.b+(c).ts", true],
    ["a.b+(c).ts", "aXb+(c).ts", false],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});

describe("matchesAnyGlob", () => {
  it("is true when one of several globs matches", () => {
    expect(matchesAnyGlob("apps/web/server.ts", ["packages/**", "apps/*/server.ts"])).toBe(true);
  });

  it("is false for an empty allowlist", () => {
    expect(matchesAnyGlob("apps/web/server.ts", [])).toBe(false);
  });
});
