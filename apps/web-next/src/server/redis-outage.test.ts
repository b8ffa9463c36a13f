import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnAppInstance } from "./__tests__/app-instance";
import type { AppInstance } from "./__tests__/app-instance";
import { startPrivateRedis } from "@repo/core-testing-redis";
import type { PrivateRedis } from "@repo/core-testing-redis";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { signIn, waitFor } from "./__tests__/test-server";

const redisServerInstalled = spawnSync("redis-server", ["--version"]).status === 0;

async function readyStatus(instance: AppInstance): Promise<number> {
  return (await fetch(`${instance.url}/readyz`)).status;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ADR-019's outage behaviour, against a PRIVATE redis-server (killed and restarted empty) and two real app processes.
describe.skipIf(!redisServerInstalled && process.env.CI !== "true")("a Redis outage during a stream", { timeout: 90_000 }, () => {
  let redis: PrivateRedis;
  let a: AppInstance;
  let b: AppInstance;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `test:outage:${randomUUID()}:`, REDIS_HEALTH_INTERVAL_MS: "200" };
    [a, b] = await Promise.all([spawnAppInstance(env), spawnAppInstance(env)]);
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    await redis.stop();
  });

  it("degrades (readiness 503, `degraded` to clients), keeps serving local subscribers, then heals without a restart", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    const onA = await connectSocket(a.url, { cookie: alice.cookie });
    const onB = await connectSocket(b.url, { cookie: alice.cookie });
    sockets.push(onA, onB);
    await onA.subscribe("test-room.outage");
    await onB.subscribe("test-room.outage");
    await a.broadcast("outage", 1);
    await waitFor(() => onA.messages.length === 1 && onB.messages.length === 1, 10_000, "the first message on both instances");
    const before = onA.messages[0]!;

    await redis.stop();
    await eventually(async () => (await readyStatus(a)) === 503 && (await readyStatus(b)) === 503, 10_000, "readiness to turn 503");
    await waitFor(() => [onA, onB].every((s) => s.statuses.some((st) => st.state === "degraded")), 10_000, "degraded status events");
    expect(onA.statuses.find((st) => st.state === "degraded")).toEqual({ state: "degraded", reason: "Redis unavailable" });

    // Local subscribers are still served, numbered under this instance's own fallback epoch.
    await a.broadcast("outage", 2);
    await waitFor(() => onA.messages.length === 2, 10_000, "a local delivery during the outage");
    const during = onA.messages[1]!;
    expect(during.payload).toMatchObject({ n: 2 });
    expect(during.epoch).not.toBe(before.epoch);

    await redis.start();
    await eventually(async () => (await readyStatus(a)) === 200 && (await readyStatus(b)) === 200, 20_000, "readiness to return");
    await waitFor(() => [onA, onB].every((s) => s.statuses.at(-1)?.state === "ok"), 10_000, "ok status events");

    // Fan-out across instances works again; Redis came back empty, so a new epoch tells clients to reload.
    await eventually(
      async () => {
        const seen = onB.messages.length;
        await a.broadcast("outage", 3);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return onB.messages.length > seen;
      },
      20_000,
      "a broadcast from A to reach B again",
    );
    const after = onB.messages.at(-1)!;
    expect(after.payload).toMatchObject({ n: 3 });
    expect([before.epoch, during.epoch]).not.toContain(after.epoch);
    expect(onA.socket.connected && onB.socket.connected).toBe(true);
    expect(a.alive() && b.alive()).toBe(true);
    // A sign-in works again too (sessions live in Redis).
    await expect(signIn(b.url, "bob", "bob-password")).resolves.toMatchObject({ userId: "bob" });
  });
});
