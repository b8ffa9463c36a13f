import { describe, expect, it } from "vitest";
import { createLogCapture } from "@repo/core-observability/testing";
import { RedisUnavailableError } from "./redis-bounded-call";
import { RedisOutageLatch } from "./redis-outage-latch";

const PROBE_MS = 1_000;

/** A latch on a fake clock; `redis` is what the next Redis call does. */
function setup() {
  let now = 10_000;
  const client = { isReady: true };
  const logs = createLogCapture();
  let recoveries = 0;
  const latch = new RedisOutageLatch(client, {
    store: "test-store",
    logger: logs.logger,
    probeIntervalMs: PROBE_MS,
    now: () => now,
    onRecovered: () => (recoveries += 1),
  });
  let redis: "up" | "down" | "broken" = "up";
  let redisCalls = 0;
  const call = () =>
    latch.run(
      "read",
      () => {
        redisCalls += 1;
        if (redis === "down") return Promise.reject(new RedisUnavailableError("no answer"));
        if (redis === "broken") return Promise.reject(new Error("ERR unexpected reply"));
        return Promise.resolve("from redis");
      },
      (error) => `fallback (${error instanceof Error ? error.name : "?"})`,
      { channel: "c1" },
    );
  const messages = () => logs.entries().map((e) => `${e.level}:${String(e.msg)}`);
  return {
    latch,
    client,
    call,
    messages,
    logs,
    set: (state: typeof redis) => void (redis = state),
    advance: (ms: number) => void (now += ms),
    redisCalls: () => redisCalls,
    recoveries: () => recoveries,
  };
}

describe("RedisOutageLatch (fake clock)", () => {
  it("goes to Redis while it answers and logs nothing", async () => {
    const t = setup();
    expect([await t.call(), await t.call()]).toEqual(["from redis", "from redis"]);
    expect(t.latch.degraded).toBe(false);
    expect(t.messages()).toEqual([]);
  });

  it("trips on a failure, keeps calls off Redis for the probe interval, then probes once per interval", async () => {
    const t = setup();
    t.set("down");
    expect(await t.call()).toBe("fallback (RedisUnavailableError)");
    expect(t.latch.degraded).toBe(true);
    t.advance(PROBE_MS - 1);
    expect(await t.call()).toBe("fallback (RedisUnavailableError)");
    expect(await t.call()).toBe("fallback (RedisUnavailableError)");
    expect(t.redisCalls()).toBe(1);

    t.advance(1); // the interval passed: one probe, which fails, so the interval starts again
    expect(await t.call()).toBe("fallback (RedisUnavailableError)");
    expect(t.redisCalls()).toBe(2);
    t.advance(PROBE_MS - 1);
    await t.call();
    expect(t.redisCalls()).toBe(2);
    expect(t.messages()).toEqual(["40:redis_store_unavailable", "20:redis_store_still_unavailable"]);
    expect(t.logs.entriesAt(40)[0]).toMatchObject({ store: "test-store", what: "read", channel: "c1" });
  });

  it("closes when a probe is answered: one recovery line with the outage's length, and the store's hook runs", async () => {
    const t = setup();
    t.set("down");
    await t.call();
    t.set("up");
    t.advance(PROBE_MS);
    expect(await t.call()).toBe("from redis");
    expect(await t.call()).toBe("from redis");
    expect(t.latch.degraded).toBe(false);
    expect(t.recoveries()).toBe(1);
    expect(t.logs.entriesAt(30)).toEqual([expect.objectContaining({ msg: "redis_store_recovered", store: "test-store", outageMs: PROBE_MS })]);
  });

  it("logs a failure that is not an outage at error every time, and still answers from the fallback", async () => {
    const t = setup();
    t.set("broken");
    expect(await t.call()).toBe("fallback (Error)");
    t.advance(PROBE_MS);
    expect(await t.call()).toBe("fallback (Error)");
    expect(t.logs.entriesAt(50).map((e) => e.msg)).toEqual(["redis_store_failed", "redis_store_failed"]);
  });

  it("counts any failure of a client that is not connected as an outage", async () => {
    const t = setup();
    t.client.isReady = false;
    t.set("broken");
    await t.call();
    expect(t.logs.entriesAt(50)).toEqual([]);
    expect(t.latch.degraded).toBe(true);
  });

  it("lets the fallback rethrow, for callers that retry by themselves", async () => {
    const t = setup();
    const failing = () =>
      t.latch.run(
        "append",
        () => Promise.reject(new RedisUnavailableError("down")),
        (error) => {
          throw error;
        },
      );
    await expect(failing()).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(failing()).rejects.toThrow(/next attempt in 1000 ms/);
  });

  it("probes at once when the client reconnected, without waiting for the interval", async () => {
    const t = setup();
    t.client.isReady = false;
    t.set("down");
    await t.call();
    await t.call(); // still not connected: skipped
    expect(t.redisCalls()).toBe(1);
    t.client.isReady = true;
    t.set("up");
    expect(await t.call()).toBe("from redis");
    expect(t.latch.degraded).toBe(false);
  });
});
