import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { BROADCAST_SOURCE_KINDS, BroadcastSourceAllowlist, BroadcastSourcesSealedError } from "./broadcast-source";
import type { BroadcastSource } from "./broadcast-source";
import { InMemoryRealtimeBroadcaster } from "./in-memory-realtime-broadcaster";
import { withBroadcastSource } from "./with-broadcast-source";

const feed = defineRealtimeChannel({ name: "source.feed", scope: "public", schema: z.object({ n: z.number() }) });

function setup() {
  const metrics = createRealtimeMetrics(createMetricsRegistry());
  const broadcaster = new InMemoryRealtimeBroadcaster({ metrics });
  const subscriber = broadcaster.connect(null);
  subscriber.subscribe(feed);
  return { broadcaster, subscriber, metrics };
}

const everyKind: BroadcastSource[] = [
  { kind: "use-case", name: "polls.castVote" },
  { kind: "event-bridge", name: "articles" },
  { kind: "outbox-relay", name: "relay" },
  { kind: "server-api", name: "key-1a2b3c4d" },
  { kind: "inbound-handler", name: "polls.{pollId}" },
  { kind: "app", name: "ping-ticker" },
];

describe("the source gate", () => {
  it("covers every source kind in the table", () => {
    expect(everyKind.map((source) => source.kind)).toEqual([...BROADCAST_SOURCE_KINDS]);
  });

  it.each(everyKind)("delivers from the allowed source %j and counts it under kind:name", async (source) => {
    const { broadcaster, subscriber, metrics } = setup();
    const receipt = await withBroadcastSource(broadcaster, broadcaster.sources.allow(source)).broadcast(feed, {}, { n: 1 });
    expect(receipt.delivered).toBe(1);
    expect(subscriber.payloadsOn("source.feed")).toEqual([{ n: 1 }]);
    expect(metrics.snapshot().messagesDeliveredBySource).toEqual({ [`${source.kind}:${source.name}`]: 1 });
  });

  it.each([
    ["no source", undefined],
    ["a look-alike object", { source: { kind: "app", name: "ping-ticker" }, label: "app:ping-ticker" }],
    ["a string", "app:ping-ticker"],
    ["another allowlist's grant", new BroadcastSourceAllowlist().allow({ kind: "app", name: "ping-ticker" })],
  ])("refuses %s with UNAUTHORIZED_SOURCE before anything is validated, stamped or sent", async (_what, source) => {
    const { broadcaster, subscriber, metrics } = setup();
    broadcaster.sources.allow({ kind: "app", name: "ping-ticker" });
    const options = source === undefined ? {} : { source: source as never };
    // An invalid payload too: the source gate answers first.
    for (const payload of [{ n: 1 }, { n: "x" }]) {
      const error: unknown = await broadcaster.broadcast(feed, {}, payload as never, options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RealtimeError);
      expect((error as RealtimeError).code).toBe("UNAUTHORIZED_SOURCE");
    }
    await expect(broadcaster.broadcastBatch(feed, {}, [{ n: 1 }], options)).rejects.toMatchObject({ code: "UNAUTHORIZED_SOURCE" });
    expect(subscriber.received).toEqual([]);
    expect(metrics.snapshot().messagesBroadcastTotal).toBe(0);
    expect(await broadcaster.channelLog.readSince("source.feed", 0, undefined)).toMatchObject({ seq: 0 });
  });

  it("binds the source: a caller of the bound broadcaster cannot pass another one", async () => {
    const { broadcaster, metrics } = setup();
    const bridge = withBroadcastSource(broadcaster, broadcaster.sources.allow({ kind: "event-bridge", name: "articles" }));
    const relay = broadcaster.sources.allow({ kind: "outbox-relay", name: "relay" });
    await bridge.broadcast(feed, {}, { n: 1 }, { source: relay });
    expect(metrics.snapshot().messagesDeliveredBySource).toEqual({ "event-bridge:articles": 1 });
  });

  it("hands out one grant per source, lists what it allowed, and refuses unknown kinds and unsafe names", () => {
    const sources = new BroadcastSourceAllowlist();
    const grant = sources.allow({ kind: "use-case", name: "polls.castVote" });
    expect(sources.allow({ kind: "use-case", name: "polls.castVote" })).toBe(grant);
    expect(grant.label).toBe("use-case:polls.castVote");
    expect(Object.isFrozen(grant)).toBe(true);
    expect(sources.list()).toEqual([{ kind: "use-case", name: "polls.castVote" }]);
    expect(() => sources.allow({ kind: "client" as never, name: "x" })).toThrow(/Unknown broadcast source kind/);
    for (const name of ["", "a b", 'x"}', "x".repeat(81)]) expect(() => sources.allow({ kind: "app", name })).toThrow(/must match/);
  });

  describe("sealed after binding", () => {
    it("refuses a new source with BroadcastSourcesSealedError and leaves the list as bind code made it", () => {
      const sources = new BroadcastSourceAllowlist();
      const relay = sources.allow({ kind: "outbox-relay", name: "relay" });
      sources.seal();
      expect(sources.sealed).toBe(true);
      const error: unknown = (() => {
        try {
          return sources.allow({ kind: "use-case", name: "late.grant" });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(BroadcastSourcesSealedError);
      expect(error).toMatchObject({ code: "BROADCAST_SOURCES_SEALED", source: { kind: "use-case", name: "late.grant" } });
      // A source already on the list keeps its one grant: the list itself cannot change.
      expect(sources.allow({ kind: "outbox-relay", name: "relay" })).toBe(relay);
      expect(sources.list()).toEqual([{ kind: "outbox-relay", name: "relay" }]);
    });

    it("keeps delivering from grants issued before the seal and refuses a late one's broadcast too", async () => {
      const { broadcaster, subscriber } = setup();
      const bridge = withBroadcastSource(broadcaster, broadcaster.sources.allow({ kind: "event-bridge", name: "articles" }));
      broadcaster.sources.seal();
      await bridge.broadcast(feed, {}, { n: 1 });
      expect(() => broadcaster.sources.allow({ kind: "app", name: "intruder" })).toThrow(BroadcastSourcesSealedError);
      expect(subscriber.payloadsOn("source.feed")).toEqual([{ n: 1 }]);
    });

    it("lets an issuer taken before the seal mint its own kind afterwards, and hands out no issuer once sealed", () => {
      const sources = new BroadcastSourceAllowlist();
      const inbound = sources.issuerFor("inbound-handler");
      sources.seal();
      const grant = inbound("polls.{pollId}");
      expect(grant.label).toBe("inbound-handler:polls.{pollId}");
      expect(sources.check(grant)).toBe(grant);
      expect(inbound("polls.{pollId}")).toBe(grant);
      expect(() => inbound("bad name")).toThrow(/must match/);
      expect(() => sources.issuerFor("use-case")).toThrow(BroadcastSourcesSealedError);
    });
  });
});
