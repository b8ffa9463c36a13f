import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("allows a burst of capacity, then says when the next token arrives", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 10 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 100 });
    now = 60;
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 40 });
    now = 100;
    expect(bucket.take()).toEqual({ ok: true });
  });

  it("never refills past capacity", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1 }, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take().ok]).toEqual([{ ok: true }, { ok: true }, false]);
  });

  it("refills fractional rates", () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 0.5 }, () => now);
    bucket.take();
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 2000 });
    now = 2000;
    expect(bucket.take().ok).toBe(true);
  });
});
