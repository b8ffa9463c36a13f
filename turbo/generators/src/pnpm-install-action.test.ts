import { describe, expect, it } from "vitest";
import { PNPM_INSTALL_ATTEMPTS, pnpmCommand } from "./pnpm-install-action";

describe("pnpmCommand", () => {
  it("reuses the pnpm that started this process", () => {
    expect(pnpmCommand({ npm_execpath: "/opt/pnpm/bin/pnpm.cjs" })).toEqual([process.execPath, "/opt/pnpm/bin/pnpm.cjs"]);
  });

  it.each([{ npm_execpath: undefined }, { npm_execpath: "/usr/lib/node_modules/npm/bin/npm-cli.js" }])("falls back to pnpm on PATH for %j", (env) => {
    expect(pnpmCommand(env)).toEqual(["pnpm"]);
  });
});

describe("PNPM_INSTALL_ATTEMPTS", () => {
  it("tries fully offline first, never with a frozen lockfile (the new package is a new importer)", () => {
    expect(PNPM_INSTALL_ATTEMPTS[0]).toContain("--offline");
    for (const attempt of PNPM_INSTALL_ATTEMPTS) expect(attempt).toContain("--no-frozen-lockfile");
  });
});
