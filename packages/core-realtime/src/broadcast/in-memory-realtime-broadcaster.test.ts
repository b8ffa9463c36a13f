import { sourced } from "../__tests__/test-broadcast-source";
import { expect, it } from "vitest";
import { contractRegistry, describeBroadcasterContract, waitUntil } from "../__tests__/broadcaster-contract";
import type { ContractSubscriber } from "../__tests__/broadcaster-contract";
import { RealtimeError } from "../protocol/errors";
import { InMemoryRealtimeBroadcaster } from "./in-memory-realtime-broadcaster";
import type { InMemoryRealtimeConnection } from "./in-memory-realtime-broadcaster";

function subscriberFor(connection: InMemoryRealtimeConnection): ContractSubscriber {
  const registry = contractRegistry();
  return {
    subscribe: (name) => {
      const resolution = registry.resolve(name);
      if (resolution.kind !== "match") return Promise.resolve({ ok: false, code: "UNKNOWN_CHANNEL" });
      try {
        connection.subscribe(resolution.descriptor, resolution.params);
        return Promise.resolve({ ok: true });
      } catch (error) {
        if (error instanceof RealtimeError) return Promise.resolve({ ok: false, code: error.code });
        throw error;
      }
    },
    unsubscribe: (name) => Promise.resolve(connection.unsubscribe(name)),
    received: () => connection.received,
    waitFor: async (count) => {
      await waitUntil(() => connection.received.length >= count);
      return connection.received;
    },
    close: () => Promise.resolve(connection.disconnect()),
  };
}

describeBroadcasterContract("InMemoryRealtimeBroadcaster", () => {
  const broadcaster = new InMemoryRealtimeBroadcaster();
  return Promise.resolve({
    broadcaster: sourced(broadcaster),
    gated: broadcaster,
    connect: (user) => Promise.resolve(subscriberFor(broadcaster.connect(user))),
    close: () => Promise.resolve(),
  });
});

it("leaves out the sender on toOthers and counts deliveries", async () => {
  const { contractChannels } = await import("../__tests__/broadcaster-contract");
  const broadcaster = new InMemoryRealtimeBroadcaster();
  const a = broadcaster.connect(null);
  const b = broadcaster.connect(null);
  a.subscribe(contractChannels.feed);
  b.subscribe(contractChannels.feed);
  const receipt = await sourced(broadcaster).broadcast(contractChannels.feed, {}, { n: 1 }, { exceptSocketId: a.id });
  expect(receipt.delivered).toBe(1);
  expect(a.received).toHaveLength(0);
  expect(b.payloadsOn("contract.feed")).toEqual([{ n: 1 }]);
});
