import { describe, expect, it } from "vitest";
import { IdempotencyCache } from "./idempotency-cache";

describe("IdempotencyCache", () => {
  it("runs a key once and hands repeats the first result, even while it is in flight", async () => {
    const cache = new IdempotencyCache<number>({ maxEntries: 10, ttlMs: 1000 });
    let runs = 0;
    let release: (value: number) => void = () => undefined;
    const op = (): Promise<number> => {
      runs++;
      return new Promise((resolve) => (release = resolve));
    };
    const first = cache.run("k", op);
    const second = cache.run("k", op);
    release(42);
    expect(await Promise.all([first, second])).toEqual([
      { value: 42, duplicate: false },
      { value: 42, duplicate: true },
    ]);
    expect(runs).toBe(1);
  });

  it("forgets keys after the TTL", async () => {
    let now = 0;
    const cache = new IdempotencyCache<string>({ maxEntries: 10, ttlMs: 100, now: () => now });
    await cache.run("k", () => Promise.resolve("a"));
    now = 100;
    expect(await cache.run("k", () => Promise.resolve("b"))).toEqual({ value: "b", duplicate: false });
    expect(cache.size).toBe(1);
  });

  it("stays bounded, forgetting the oldest key first", async () => {
    const cache = new IdempotencyCache<string>({ maxEntries: 2, ttlMs: 1000 });
    for (const key of ["a", "b", "c"]) await cache.run(key, () => Promise.resolve(key));
    expect(cache.size).toBe(2);
    expect((await cache.run("a", () => Promise.resolve("again"))).duplicate).toBe(false);
    expect((await cache.run("c", () => Promise.resolve("again"))).duplicate).toBe(true);
  });

  it("does not remember rejected runs or values `keep` refuses", async () => {
    const cache = new IdempotencyCache<string>({ maxEntries: 10, ttlMs: 1000, keep: (v) => v !== "transient" });
    await expect(cache.run("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await cache.run("t", () => Promise.resolve("transient"));
    expect(cache.size).toBe(0);
    expect((await cache.run("k", () => Promise.resolve("ok"))).duplicate).toBe(false);
  });
});
