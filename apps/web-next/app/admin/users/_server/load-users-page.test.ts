import { AuthSymbols, SESSION_COOKIE_NAME } from "@repo/auth";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindAll } from "../../../../src/bind-all";
import type { BoundApp } from "../../../../src/bind-all";
import { parseEnv } from "../../../../src/env";
import { createPageCaller } from "../../../../src/server/page-caller";
import type { PageCaller } from "../../../../src/server/page-caller";
import { loadUsersPage } from "./load-users-page";

// The real app wiring (in-memory, dev seed: alice is an admin, bob is not).
describe("the /admin/users page's server-side check", () => {
  let bound: BoundApp;
  let pageCaller: PageCaller;
  let cookieFor: (username: string) => Promise<string>;

  beforeAll(async () => {
    const logger = createLogCapture().logger;
    bound = await bindAll(undefined, { env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", APP_SEED: "dev" }).env, logger });
    pageCaller = createPageCaller(bound, logger);
    const signIn = bound.features.auth.container.get(AuthSymbols.signIn);
    cookieFor = async (username) => {
      const result = await signIn({ username, password: `${username}-password` });
      if (!result.ok) throw new Error(`seed user ${username} could not sign in`);
      return `${SESSION_COOKIE_NAME}=${result.token}`;
    };
  });

  afterAll(async () => {
    await bound.close();
  });

  it("gives alice (admin) every account with its roles and no hash", async () => {
    expect(await loadUsersPage(pageCaller, await cookieFor("alice"))).toEqual({
      kind: "admin",
      users: [
        { id: "alice", username: "alice", roles: ["admin"] },
        { id: "bob", username: "bob", roles: [] },
      ],
    });
  });

  it.each([
    { who: "bob (no admin role)", cookie: () => cookieFor("bob") },
    { who: "a guest (no cookie)", cookie: () => Promise.resolve(undefined) },
    { who: "a forged session cookie", cookie: () => Promise.resolve(`${SESSION_COOKIE_NAME}=forged.token`) },
  ])("refuses $who with no data", async ({ cookie }) => {
    expect(await loadUsersPage(pageCaller, await cookie())).toEqual({ kind: "forbidden" });
  });

  it("refuses alice's existing session once her admin role is gone (roles are read per request)", async () => {
    const cookie = await cookieFor("alice");
    const changeUserRoles = bound.features.auth.container.get(AuthSymbols.changeUserRoles);
    // The last admin cannot be demoted (LAST_ADMIN): bob holds the role meanwhile.
    await changeUserRoles({ userId: "bob", roles: ["admin"] });
    await changeUserRoles({ userId: "alice", roles: [] });
    try {
      expect(await loadUsersPage(pageCaller, cookie)).toEqual({ kind: "forbidden" });
    } finally {
      await changeUserRoles({ userId: "alice", roles: ["admin"] });
      await changeUserRoles({ userId: "bob", roles: [] });
    }
  });

  it("fails closed before the server published its page caller", async () => {
    expect(await loadUsersPage(undefined, await cookieFor("alice"))).toEqual({ kind: "forbidden" });
  });
});
