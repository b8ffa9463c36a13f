import { describe, expect, it } from "vitest";
import { InMemoryChannelLog } from "./in-memory-channel-log";

const history = { size: 3, ttlSeconds: 60 };

describe("InMemoryChannelLog", () => {
  it("stamps strictly increasing seq per channel", async () => {
    const log = new InMemoryChannelLog({ epoch: "e1" });
    expect(await log.append("a", 1, 0, undefined)).toEqual({ seq: 1, epoch: "e1" });
    expect(await log.append("a", 2, 0, undefined)).toEqual({ seq: 2, epoch: "e1" });
    expect(await log.append("b", 1, 0, undefined)).toEqual({ seq: 1, epoch: "e1" });
  });

  it("stamps a batch with consecutive seq and keeps each entry's id", async () => {
    const log = new InMemoryChannelLog({ epoch: "e1", now: () => 1000 });
    await log.append("a", 0, 1000, history);
    expect(await log.appendBatch("a", [{ payload: 1, id: "m1" }, { payload: 2, id: "m2" }], 1000, history)).toEqual({ firstSeq: 2, epoch: "e1" });
    const result = await log.readSince("a", 1, "e1");
    expect(result.recovered && result.messages.map((m) => [m.seq, m.payload, m.id])).toEqual([
      [2, 1, "m1"],
      [3, 2, "m2"],
    ]);
  });

  it("replays what was missed when it is all kept", async () => {
    const log = new InMemoryChannelLog({ epoch: "e1", now: () => 1000 });
    for (let i = 1; i <= 5; i++) await log.append("a", i, 1000, history);
    const result = await log.readSince("a", 3, "e1");
    expect(result).toMatchObject({ recovered: true, seq: 5 });
    expect(result.recovered && result.messages.map((m) => m.payload)).toEqual([4, 5]);
  });

  it("answers recovered: false when the gap is older than the ring", async () => {
    const log = new InMemoryChannelLog({ epoch: "e1", now: () => 1000 });
    for (let i = 1; i <= 5; i++) await log.append("a", i, 1000, history);
    expect(await log.readSince("a", 1, undefined)).toMatchObject({ recovered: false, reason: "too-old" });
    expect(await log.readSince("a", 2, undefined)).toMatchObject({ recovered: true });
  });

  it("drops messages past their TTL", async () => {
    let now = 0;
    const log = new InMemoryChannelLog({ epoch: "e1", now: () => now });
    await log.append("a", 1, 0, history);
    await log.append("a", 2, 0, history);
    now = 61_000;
    expect(await log.readSince("a", 0, undefined)).toMatchObject({ recovered: false, reason: "too-old" });
  });

  it.each([
    [10, "e1", "future"],
    [1, "other-epoch", "epoch-changed"],
  ])("since=%s epoch=%s -> %s", async (since, epoch, reason) => {
    const log = new InMemoryChannelLog({ epoch: "e1" });
    await log.append("a", 1, Date.now(), history);
    await log.append("a", 2, Date.now(), history);
    expect(await log.readSince("a", since, epoch)).toMatchObject({ recovered: false, reason });
  });

  it("answers no-history for a channel that keeps none", async () => {
    const log = new InMemoryChannelLog({ epoch: "e1" });
    await log.append("a", 1, 0, undefined);
    await log.append("a", 2, 0, undefined);
    expect(await log.readSince("a", 1, undefined)).toMatchObject({ recovered: false, reason: "no-history" });
    expect(await log.readSince("a", 2, undefined)).toMatchObject({ recovered: true, messages: [] });
  });
});
