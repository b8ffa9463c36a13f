import { InMemoryEventBus, InMemoryJobQueue } from "@repo/core-events";
import type { BindContext } from "@repo/core-di";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { InMemoryRealtimeBroadcaster, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindDevSeedAuth } from "./bind-dev-seed";
import { bindProductionAuth } from "./bind-production";
import { AuthSymbols } from "./di/symbols";
import { InMemorySessionStore } from "./repositories/in-memory-session-store";
import type { AppDatabase } from "@repo/core-database";
import { openInMemoryDatabase } from "@repo/core-database/testing";
import { authMigrations } from "./migrations";

// One migrated database for the file (opening PGlite costs seconds); tests that need it empty of users run first.
let database: AppDatabase | undefined;
beforeAll(async () => {
  database = await openInMemoryDatabase([authMigrations]);
}, 180_000);
afterAll(async () => {
  await database?.close();
}, 180_000);

function bindContext(): BindContext {
  if (database === undefined) throw new Error("database not open");
  const { logger } = createLogCapture();
  const bus = new InMemoryEventBus({ logger });
  const realtime = new InMemoryRealtimeBroadcaster();
  return {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("auth-test"),
    logger,
    bus,
    queue: new InMemoryJobQueue({ logger, bus }),
    realtime,
    realtimeSources: realtime.sources,
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database,
    metricsRegistry: createMetricsRegistry(),
  };
}

describe("auth bind functions", () => {

  it("names the module auth and serves the login, logout and sign-up routes", () => {
    const module = bindProductionAuth(bindContext());
    expect(module.name).toBe("auth");
    expect(module.router).toBeDefined();
    expect(module.httpRoutes?.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/signup"]);
  });

  it("keeps sessions in memory when there is no Redis", () => {
    expect(bindProductionAuth(bindContext()).container.get(AuthSymbols.sessionStore)).toBeInstanceOf(InMemorySessionStore);
  });

  it("production starts with no users; dev-seed has alice (admin) and bob", async () => {
    const production = bindProductionAuth(bindContext());
    expect((await production.container.get(AuthSymbols.signIn)({ username: "alice", password: "alice-password" })).ok).toBe(false);

    const devSeed = await bindDevSeedAuth(bindContext());
    const signIn = devSeed.container.get(AuthSymbols.signIn);
    const alice = await signIn({ username: "alice", password: "alice-password" });
    const bob = await signIn({ username: "bob", password: "bob-password" });
    expect(alice.ok && alice.user).toEqual({ id: "alice", roles: ["admin"] });
    expect(bob.ok && bob.user).toEqual({ id: "bob", roles: [] });
    if (!alice.ok) throw new Error("alice could not sign in");
    const authenticator = devSeed.container.get(AuthSymbols.realtimeAuthenticator);
    expect(await authenticator.authenticate({ token: alice.token })).toMatchObject({ userId: "alice", roles: ["admin"] });
  });

  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionAuth(bindContext());
    const devSeed = await bindDevSeedAuth(bindContext());
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect(production.container.boundTokens()).toEqual(expect.arrayContaining(Object.values(AuthSymbols).map((t) => t.description)));
  });

  it("seeds idempotently: a restart on the same database duplicates nobody and keeps role changes", async () => {
    const first = await bindDevSeedAuth(bindContext());
    await first.container.get(AuthSymbols.changeUserRoles)({ userId: "bob", roles: ["editor"] });
    const restarted = await bindDevSeedAuth(bindContext());
    const users = await restarted.container.get(AuthSymbols.userRepository).list();
    expect(users.map((user) => [user.id, user.roles])).toEqual([["alice", ["admin"]], ["bob", ["editor"]]]);
    await restarted.container.get(AuthSymbols.changeUserRoles)({ userId: "bob", roles: [] });
  });

  it("a role change on one instance applies on another at its next authentication (roles read from the database)", async () => {
    const instanceA = bindProductionAuth(bindContext());
    const instanceB = bindProductionAuth(bindContext());
    const signedIn = await instanceB.container.get(AuthSymbols.signIn)({ username: "alice", password: "alice-password" });
    if (!signedIn.ok) throw new Error("alice could not sign in");
    const onB = instanceB.container.get(AuthSymbols.realtimeAuthenticator);
    expect(await onB.authenticate({ token: signedIn.token })).toMatchObject({ roles: ["admin"] });
    // Alice is the seeded store's only admin (she cannot be demoted): she gains a role instead.
    await instanceA.container.get(AuthSymbols.changeUserRoles)({ userId: "alice", roles: ["admin", "editor"] });
    expect(await onB.authenticate({ token: signedIn.token })).toMatchObject({ userId: "alice", roles: ["admin", "editor"] });
    await instanceA.container.get(AuthSymbols.changeUserRoles)({ userId: "alice", roles: ["admin"] });
  });

  it("logs a failing use case once through the capture layer", async () => {
    const ctx = bindContext();
    const capture = createLogCapture();
    const module = bindProductionAuth({ ...ctx, logger: capture.logger });
    await expect(module.container.get(AuthSymbols.createUser)({ username: "", password: "x" })).rejects.toThrow();
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ layer: "use-case", name: "auth.createUser" })]);
  });
});
