import { createLogger, createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { defineEvent, InMemoryEventBus } from "@repo/core-events";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { InMemoryRealtimeBroadcaster } from "./in-memory-realtime-broadcaster";
import { bindRealtimeBridge, bridgeEntry } from "./realtime-bridge";
import { withBroadcastSource } from "./with-broadcast-source";

const articlePublished = defineEvent({ name: "article.published", schema: z.object({ id: z.string(), title: z.string() }) });
const articleDrafted = defineEvent({ name: "article.drafted", schema: z.object({ id: z.string() }) });
const userNotified = defineEvent({ name: "user.notified", schema: z.object({ userId: z.string(), text: z.string() }) });

const feed = defineRealtimeChannel({ name: "articles.feed", scope: "public", schema: z.object({ id: z.string(), title: z.string() }) });
const inbox = defineRealtimeChannel({ name: "inbox.{userId}", scope: { userScoped: "userId" }, schema: z.object({ text: z.string() }) });

function setup() {
  const lines: string[] = [];
  const logger = createLogger({ level: "error", destination: { write: (line: string) => void lines.push(line) } });
  const bus = new InMemoryEventBus({ logger });
  const metrics = createRealtimeMetrics(createMetricsRegistry());
  const realtime = new InMemoryRealtimeBroadcaster({ metrics });
  // What a feature's bind file hands the bridge: the broadcaster bound to its event-bridge source.
  const bridge = withBroadcastSource(realtime, realtime.sources.allow({ kind: "event-bridge", name: "articles" }));
  const visitor = realtime.connect(null);
  visitor.subscribe(feed);
  const bob = realtime.connect({ userId: "bob", roles: [] });
  bob.subscribe(inbox, { userId: "bob" });
  return { bus, realtime, bridge, metrics, visitor, bob, lines };
}

describe("bindRealtimeBridge", () => {
  it("forwards allowlisted events onto the right channel with the right params", async () => {
    const { bus, bridge, visitor, bob } = setup();
    bindRealtimeBridge(bus, bridge, [
      bridgeEntry({ event: articlePublished, channel: feed, map: (a) => ({ params: {}, payload: { id: a.id, title: a.title } }) }),
      bridgeEntry({ event: userNotified, channel: inbox, map: (n) => ({ params: { userId: n.userId }, payload: { text: n.text } }) }),
    ]);
    await bus.publish(articlePublished, { id: "a1", title: "Hello" });
    await bus.publish(userNotified, { userId: "bob", text: "hi bob" });
    await bus.publish(userNotified, { userId: "alice", text: "hi alice" });
    expect(visitor.payloadsOn("articles.feed")).toEqual([{ id: "a1", title: "Hello" }]);
    expect(bob.payloadsOn("inbox.bob")).toEqual([{ text: "hi bob" }]);
    expect(bob.received).toHaveLength(1);
  });

  it("never forwards events that are not on the allowlist", async () => {
    const { bus, bridge, visitor } = setup();
    bindRealtimeBridge(bus, bridge, [
      bridgeEntry({ event: articlePublished, channel: feed, map: (a) => ({ params: {}, payload: a }) }),
    ]);
    await bus.publish(articleDrafted, { id: "secret-draft" });
    expect(visitor.received).toHaveLength(0);
  });

  it("isolates a throwing mapping and a schema-breaking mapping from other entries and from the publisher", async () => {
    const { bus, bridge, visitor, lines } = setup();
    bindRealtimeBridge(bus, bridge, [
      bridgeEntry({ event: articlePublished, channel: feed, map: () => { throw new Error("mapping exploded"); } }),
      bridgeEntry({ event: articlePublished, channel: feed, map: (a) => ({ params: {}, payload: { id: a.id } as unknown as { id: string; title: string } }) }),
      bridgeEntry({ event: articlePublished, channel: feed, map: (a) => ({ params: {}, payload: a }) }),
    ]);
    await expect(bus.publish(articlePublished, { id: "a2", title: "Still here" })).resolves.toBeUndefined();
    expect(visitor.payloadsOn("articles.feed")).toEqual([{ id: "a2", title: "Still here" }]);
    const logged = lines.join("\n");
    expect(logged).toContain("mapping exploded");
    expect(logged).toContain("realtime-bridge:article.published->articles.feed");
  });

  it("stops forwarding once unbound, and skips events the mapping returns null for", async () => {
    const { bus, bridge, visitor } = setup();
    const unbind = bindRealtimeBridge(bus, bridge, [
      bridgeEntry({ event: articlePublished, channel: feed, map: (a) => (a.title === "skip" ? null : { params: {}, payload: a }) }),
    ]);
    await bus.publish(articlePublished, { id: "a3", title: "skip" });
    unbind();
    await bus.publish(articlePublished, { id: "a4", title: "after unbind" });
    expect(visitor.received).toHaveLength(0);
  });

  it("broadcasts as its event-bridge source; given an unbound broadcaster, it is refused and logged, the publisher unaffected", async () => {
    const { bus, bridge, realtime, metrics, visitor, lines } = setup();
    const entry = bridgeEntry({ event: articlePublished, channel: feed, map: (a) => ({ params: {}, payload: { id: a.id, title: a.title } }) });
    const stop = bindRealtimeBridge(bus, bridge, [entry]);
    await bus.publish(articlePublished, { id: "a1", title: "Hello" });
    expect(metrics.snapshot().messagesDeliveredBySource).toEqual({ "event-bridge:articles": 1 });
    stop();
    bindRealtimeBridge(bus, realtime, [entry]);
    await expect(bus.publish(articlePublished, { id: "a2", title: "Unsourced" })).resolves.toBeUndefined();
    expect(visitor.payloadsOn("articles.feed")).toEqual([{ id: "a1", title: "Hello" }]);
    expect(lines.join("\n")).toContain("UNAUTHORIZED_SOURCE");
  });
});
