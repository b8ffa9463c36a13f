import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { spawnAppInstance } from "../__tests__/app-instance";
import type { AppInstance } from "../__tests__/app-instance";
import { connectSocket } from "../__tests__/realtime-test-client";
import type { RecordingSocket } from "../__tests__/realtime-test-client";
import { signIn } from "../__tests__/test-server";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Issue #18 finding 6: publish de-duplication (a client's retry after a lost
 * ack runs its handler once) is keyed per user and bounded per user, so one
 * user's flood of message ids cannot evict another user's keys; with Redis it
 * is shared by every instance, so a retry that lands on another instance
 * (failover) does not run the handler again.
 */
const redisAvailable = await probeRedis();

const publishWithId = (socket: RecordingSocket, channel: string, payload: unknown, id: string): Promise<unknown> =>
  socket.socket.timeout(5_000).emitWithAck("realtime:publish", { channel, payload, id });

/** Bob floods more ids than his bound; alice's one key must survive, bob's own oldest must not. */
async function floodCannotEvictAnotherUser(sec: SecurityServer): Promise<void> {
  const [alice, bob] = await Promise.all([sec.signIn("alice"), sec.signIn("bob")]);
  const [aliceSocket, bobSocket] = await Promise.all([sec.connect({ token: alice.token }), sec.connect({ token: bob.token })]);
  const runsOf = (userId: string): number => sec.calls.filter((call) => call.userId === userId).length;
  const aliceId = `alice-${randomUUID()}`;
  const first = await publishWithId(aliceSocket, "sec.inbox.alice", { text: "once" }, aliceId);
  expect(first).toEqual({ ok: true, result: { handled: "inbox" } });
  const aliceRuns = runsOf("alice");

  const bobIds = Array.from({ length: 12 }, (_, i) => `bob-${i}-${randomUUID()}`);
  for (const id of bobIds) expect(await publishWithId(bobSocket, "sec.inbox.bob", { text: id }, id)).toMatchObject({ ok: true });
  const bobRuns = runsOf("bob");

  // Alice's retry is still recognised: her key was not evicted by bob's twelve.
  expect(await publishWithId(aliceSocket, "sec.inbox.alice", { text: "once" }, aliceId)).toEqual({ ok: true, result: { handled: "inbox" }, duplicate: true });
  expect(runsOf("alice")).toBe(aliceRuns);
  // Bob's newest keys are kept; his oldest went to make room for them (his own bound, 5).
  expect(await publishWithId(bobSocket, "sec.inbox.bob", { text: "x" }, bobIds[11] ?? "")).toMatchObject({ ok: true, duplicate: true });
  expect(runsOf("bob")).toBe(bobRuns);
  expect(await publishWithId(bobSocket, "sec.inbox.bob", { text: "x" }, bobIds[0] ?? "")).toEqual({ ok: true, result: { handled: "inbox" } });
  expect(runsOf("bob")).toBe(bobRuns + 1);
  aliceSocket.close();
  bobSocket.close();
}

const BOUNDS = { REALTIME_IDEMPOTENCY_KEYS_PER_USER: "5", REALTIME_SOCKET_BURST: "50", REALTIME_USER_BURST: "100" };

describe("security: publish de-duplication is per user and bounded per user (in memory, one instance)", () => {
  let sec: SecurityServer;
  beforeAll(async () => {
    sec = await startSecurityServer(BOUNDS);
  });
  afterAll(async () => {
    await sec.close();
  });

  it("one user's flood of message ids cannot evict another user's key", async () => {
    await floodCannotEvictAnotherUser(sec);
  });

  it("the same message id from two users is two messages", async () => {
    const [alice, bob] = await Promise.all([sec.signIn("alice"), sec.signIn("bob")]);
    const [aliceSocket, bobSocket] = await Promise.all([sec.connect({ token: alice.token }), sec.connect({ token: bob.token })]);
    const id = `shared-${randomUUID()}`;
    expect(await publishWithId(aliceSocket, "sec.rooms.r1", { text: "a" }, id)).toEqual({ ok: true, result: { handled: "rooms" } });
    expect(await publishWithId(bobSocket, "sec.rooms.r1", { text: "b" }, id)).toEqual({ ok: true, result: { handled: "rooms" } });
    aliceSocket.close();
    bobSocket.close();
  });
});

describeWithRedis(redisAvailable)("security: publish de-duplication shared through Redis", { timeout: 90_000 }, () => {
  describe("one instance with Redis", () => {
    const keyspace = testRedisKeyspace("idempotency-security");
    let sec: SecurityServer;
    beforeAll(async () => {
      sec = await startSecurityServer({ ...BOUNDS, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix });
    });
    afterAll(async () => {
      await sec.close();
      await keyspace.dispose();
    });

    it("one user's flood of message ids cannot evict another user's key", async () => {
      await floodCannotEvictAnotherUser(sec);
    });
  });

  describe("two instances", () => {
    const keyspace = testRedisKeyspace("idempotency-instances");
    let a: AppInstance;
    let b: AppInstance;
    const sockets: RecordingSocket[] = [];
    const runsOn = async (instance: AppInstance): Promise<number> => {
      const response = await fetch(`${instance.url}/test/handler-runs`);
      return ((await response.json()) as { runs: number }).runs;
    };

    beforeAll(async () => {
      const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix };
      [a, b] = await Promise.all([spawnAppInstance(env), spawnAppInstance(env)]);
    }, 120_000);
    afterAll(async () => {
      sockets.forEach((socket) => socket.close());
      await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
      await keyspace.dispose();
    });

    const connectBoth = async (): Promise<[RecordingSocket, RecordingSocket]> => {
      const alice = await signIn(a.url, "alice", "alice-password");
      const onA = await connectSocket(a.url, { token: alice.token });
      const onB = await connectSocket(b.url, { token: alice.token });
      sockets.push(onA, onB);
      return [onA, onB];
    };

    it("a retry that lands on the other instance answers the first run's result and does not run the handler again", async () => {
      const [onA, onB] = await connectBoth();
      const id = `failover-${randomUUID()}`;
      const [runsA, runsB] = [await runsOn(a), await runsOn(b)];
      const first = await publishWithId(onA, "test-counter.c1", { delayMs: 0 }, id);
      expect(first).toEqual({ ok: true, result: { instanceId: a.instanceId, run: runsA + 1 } });
      const retry = await publishWithId(onB, "test-counter.c1", { delayMs: 0 }, id);
      expect(retry).toEqual({ ok: true, result: { instanceId: a.instanceId, run: runsA + 1 }, duplicate: true });
      expect([await runsOn(a), await runsOn(b)]).toEqual([runsA + 1, runsB]);
      // A new id does run on B: the handler is there, only the repeat was held back.
      expect(await publishWithId(onB, "test-counter.c1", { delayMs: 0 }, `fresh-${randomUUID()}`)).toMatchObject({ ok: true, result: { instanceId: b.instanceId } });
    });

    it("a retry on the other instance while the first run is still going waits for it and still runs nothing", async () => {
      const [onA, onB] = await connectBoth();
      const id = `in-flight-${randomUUID()}`;
      const runsB = await runsOn(b);
      const first = publishWithId(onA, "test-counter.c2", { delayMs: 1_000 }, id);
      // Give A time to claim the key before B sees the retry.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const retry = await publishWithId(onB, "test-counter.c2", { delayMs: 1_000 }, id);
      const firstAck = await first;
      expect(firstAck).toMatchObject({ ok: true, result: { instanceId: a.instanceId } });
      expect(retry).toEqual({ ...(firstAck as object), duplicate: true });
      expect(await runsOn(b)).toBe(runsB);
    });
  });
});
