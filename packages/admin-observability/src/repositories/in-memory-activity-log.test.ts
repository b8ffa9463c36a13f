import { describe, expect, it } from "vitest";
import type { TActivityEntry } from "../domain/activity-entry";
import { InMemoryActivityLog } from "./in-memory-activity-log";

const entry = (id: string, at = 0): TActivityEntry => ({ id, name: "job:completed", kind: "job", at, detail: { id } });

describe("InMemoryActivityLog", () => {
  it("returns the newest entries first, bounded by its capacity", async () => {
    const log = new InMemoryActivityLog(3);
    for (const id of ["e1", "e2", "e3", "e4"]) await log.append(entry(id));
    expect((await log.recent(10)).map((e) => e.id)).toEqual(["e4", "e3", "e2"]);
    expect((await log.recent(1)).map((e) => e.id)).toEqual(["e4"]);
  });

  it("stores a repeated publish id once, and accepts it again once evicted", async () => {
    const log = new InMemoryActivityLog(2);
    await log.append(entry("e1"));
    await log.append(entry("e1"));
    expect(await log.recent(10)).toHaveLength(1);
    await log.append(entry("e2"));
    await log.append(entry("e3"));
    await log.append(entry("e1", 5));
    expect((await log.recent(10)).map((e) => [e.id, e.at])).toEqual([["e1", 5], ["e3", 0]]);
  });

  it("hands out copies: a caller mutating a result never changes the log", async () => {
    const log = new InMemoryActivityLog(2);
    await log.append(entry("e1"));
    const [first] = await log.recent(1);
    if (first !== undefined) first.detail.id = "tampered";
    expect((await log.recent(1))[0]?.detail).toEqual({ id: "e1" });
  });
});
