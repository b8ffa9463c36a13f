import { describe, expect, it } from "vitest";
import { createLogCapture } from "@repo/core-observability/testing";
import { InMemoryPresenceStore } from "./in-memory-presence-store";
import type { IPresenceStore } from "./presence-store";
import { PresenceTracker } from "./presence-tracker";
import type { PresenceUpdate } from "../protocol/wire-protocol";

/** A store that can be switched off, as Redis during an outage. */
function flakyStore(inner: IPresenceStore): IPresenceStore & { down: boolean } {
  const guard = <T>(call: () => Promise<T>): Promise<T> => (store.down ? Promise.reject(new Error("store unreachable")) : call());
  const store = {
    down: false,
    touch: (channel: string, connections: Parameters<IPresenceStore["touch"]>[1]) => guard(() => inner.touch(channel, connections)),
    remove: (channel: string, connection: Parameters<IPresenceStore["remove"]>[1]) => guard(() => inner.remove(channel, connection)),
    list: (channel: string) => guard(() => inner.list(channel)),
    expire: () => guard(() => inner.expire()),
  };
  return store;
}

describe("PresenceTracker", () => {
  it("never fails a join while the store throws, logs each failure as a bug, and re-announces members when it answers", async () => {
    const logs = createLogCapture();
    const store = flakyStore(new InMemoryPresenceStore());
    const updates: PresenceUpdate[] = [];
    const tracker = new PresenceTracker({ store, instanceId: "i1", announce: (u) => updates.push(u), log: logs.logger });

    store.down = true;
    await expect(tracker.join("room.a", "alice", "s1")).resolves.toBeUndefined();
    await tracker.heartbeat();
    expect(updates).toEqual([]);
    // join, then heartbeat's touch and expire: Redis outages never get here (RedisPresenceStore falls back itself).
    expect(logs.entriesAt(50).filter((e) => e.msg === "realtime_presence_store_failed")).toHaveLength(3);

    store.down = false;
    await tracker.heartbeat();
    expect(updates).toEqual([{ channel: "room.a", event: "join", userId: "alice" }]);
    expect(await tracker.members("room.a")).toEqual([{ userId: "alice", connections: 1 }]);
    await tracker.leave("room.a", "s1");
    expect(updates.at(-1)).toEqual({ channel: "room.a", event: "leave", userId: "alice" });
    expect(tracker.channels).toBe(0);
  });

  it("announces a join with the member's profile, lists it, and re-announces it after a lapse; a leave carries the id only", async () => {
    let now = 0;
    const store = new InMemoryPresenceStore({ ttlMs: 1_000, now: () => now });
    const updates: PresenceUpdate[] = [];
    const tracker = new PresenceTracker({ store, instanceId: "i1", announce: (u) => updates.push(u), log: createLogCapture().logger });

    await tracker.join("room.a", "u-alice", "s1", { displayName: "Alice" });
    expect(updates).toEqual([{ channel: "room.a", event: "join", userId: "u-alice", displayName: "Alice" }]);
    expect(await tracker.members("room.a")).toEqual([{ userId: "u-alice", connections: 1, displayName: "Alice" }]);

    // The lease lapsed (a stalled process): the next heartbeat renews it and announces the join again, profile included.
    now += 1_001;
    await tracker.heartbeat();
    expect(updates.at(-1)).toEqual({ channel: "room.a", event: "join", userId: "u-alice", displayName: "Alice" });

    await tracker.leave("room.a", "s1");
    expect(updates.at(-1)).toEqual({ channel: "room.a", event: "leave", userId: "u-alice" });
  });
});
