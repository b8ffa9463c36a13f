import { describe, expect, it } from "vitest";

import { matchesAnyGlob } from "./glob";

// The allowlist shapes the rules and this repo's config use, and the near misses they must reject.
describe("matchesAnyGlob", () => {
  it.each([
    ["packages/core-realtime/src/**/socket-io-*.ts", "packages/core-realtime/src/socket-io-server.ts", true],
    ["packages/core-realtime/src/**/socket-io-*.ts", "packages/core-realtime/src/server/socket-io-server.ts", true],
    ["packages/core-realtime/src/**/socket-io-*.ts", "packages/core-realtime/src/socket-io-server.tsx", false],
    ["apps/*/server.ts", "apps/web-next/server.ts", true],
    ["apps/*/server.ts", "apps/web-next/src/server.ts", false],
    ["apps/*/server.ts", "apps/server.ts", false],
    ["packages/core-events/**", "packages/core-events/src/a/b.ts", true],
    ["packages/core-events/**", "packages/core-events-extra/src/a.ts", false],
    ["**/*.test.ts", "a.test.ts", true],
    ["**/*.test.ts", "packages/x/.hidden/a.test.ts", true],
    ["**/*.test.ts", "packages/x/src/a.test.tsx", false],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(matchesAnyGlob(path, [glob])).toBe(expected);
  });

  it("is true when one of several globs matches, false for an empty allowlist", () => {
    expect(matchesAnyGlob("apps/web/server.ts", ["packages/**", "apps/*/server.ts"])).toBe(true);
    expect(matchesAnyGlob("apps/web/server.ts", [])).toBe(false);
  });
});
