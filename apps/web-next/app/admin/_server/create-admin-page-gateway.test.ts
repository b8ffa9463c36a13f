import { AuthSymbols, SESSION_COOKIE_NAME } from "@repo/auth";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindAll } from "../../../src/bind-all";
import type { BoundApp } from "../../../src/bind-all";
import { parseEnv } from "../../../src/env";
import { findAdminPageGateway, publishAdminPageGateway } from "./admin-page-gateway";
import { createAdminPageGateway } from "./create-admin-page-gateway";

// The real app wiring (in-memory, dev seed: alice is an admin, bob is not).
describe("the /admin page gateway", () => {
  let bound: BoundApp;
  let cookieFor: (username: string) => Promise<string>;

  beforeAll(async () => {
    const logger = createLogCapture().logger;
    bound = await bindAll(undefined, { env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", APP_SEED: "dev" }).env, logger });
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
    const access = await createAdminPageGateway(bound, createLogCapture().logger).load(await cookieFor("alice"));
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
    expect(await createAdminPageGateway(bound, createLogCapture().logger).load(await cookie())).toEqual({ kind: "forbidden" });
  });

  it("is found by the page once published, and gone once unpublished", () => {
    const gateway = createAdminPageGateway(bound, createLogCapture().logger);
    const unpublish = publishAdminPageGateway(gateway);
    expect(findAdminPageGateway()).toBe(gateway);
    unpublish();
    expect(findAdminPageGateway()).toBeUndefined();
  });
});
