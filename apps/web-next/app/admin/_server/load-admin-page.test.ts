import { AuthSymbols, SESSION_COOKIE_NAME } from "@repo/auth";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindAll } from "../../../src/bind-all";
import type { BoundApp } from "../../../src/bind-all";
import { parseEnv } from "../../../src/env";
import { createPageCaller, findPageCaller, publishPageCaller } from "../../../src/server/page-caller";
import type { PageCaller } from "../../../src/server/page-caller";
import { loadAdminPage } from "./load-admin-page";

// The real app wiring (in-memory, dev seed: alice is an admin, bob is not).
describe("the /admin page's server-side check", () => {
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
      return `theme=dark; ${SESSION_COOKIE_NAME}=${result.token}`;
    };
  });

  afterAll(async () => {
    await bound.close();
  });

  it("gives alice (admin) the dashboard snapshot", async () => {
    const access = await loadAdminPage(pageCaller, await cookieFor("alice"));
    expect(access.kind).toBe("admin");
    if (access.kind !== "admin") return;
    expect(access.snapshot.samples.length).toBeGreaterThanOrEqual(1);
    expect(access.snapshot.events.map((e) => e.name)).toContain("admin.observability-started");
  });

  it.each([
    { who: "bob (no admin role)", cookie: () => cookieFor("bob") },
    { who: "a guest (no cookie)", cookie: () => Promise.resolve(undefined) },
    { who: "a forged session cookie", cookie: () => Promise.resolve(`${SESSION_COOKIE_NAME}=forged.token`) },
  ])("refuses $who with no data", async ({ cookie }) => {
    expect(await loadAdminPage(pageCaller, await cookie())).toEqual({ kind: "forbidden" });
  });

  it("lets the page caller judge refusals: the router's errors come from another module graph than the page's", async () => {
    // In the running app the thrown TRPCError is another graph's class; model that with a foreign error.
    const foreignRefusal = Object.assign(new Error('Requires role "admin"'), { name: "TRPCError", code: "FORBIDDEN" });
    const refusing: PageCaller = {
      forRequest: async (cookie) => {
        const caller = await pageCaller.forRequest(cookie);
        return { ...caller, adminObservability: { snapshot: () => Promise.reject(foreignRefusal) } };
      },
      isRefusal: (error) => error === foreignRefusal,
    };
    expect(await loadAdminPage(refusing, await cookieFor("bob"))).toEqual({ kind: "forbidden" });
    const broken: PageCaller = { ...refusing, isRefusal: () => false };
    await expect(loadAdminPage(broken, await cookieFor("bob"))).rejects.toBe(foreignRefusal);
  });

  it("fails closed before the server published its page caller", async () => {
    expect(await loadAdminPage(undefined, await cookieFor("alice"))).toEqual({ kind: "forbidden" });
  });

  it("is found by pages once published, and gone once unpublished", () => {
    const unpublish = publishPageCaller(pageCaller);
    expect(findPageCaller()).toBe(pageCaller);
    unpublish();
    expect(findPageCaller()).toBeUndefined();
  });
});
