import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeHandlerRegistry } from "../handlers/handler-registry";
import { BroadcastSourceAllowlist } from "../broadcast/broadcast-source";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import type { RealtimeBroadcasterBase } from "../broadcast/realtime-broadcaster-base";
import type { RealtimeUser } from "../channels/realtime-user";
import type { RealtimeMessage } from "../protocol/wire-protocol";

/** Channels every adapter is tested with. */
export const contractChannels = {
  feed: defineRealtimeChannel({ name: "contract.feed", scope: "public", schema: z.object({ n: z.number(), tags: z.array(z.string()).optional() }) }),
  members: defineRealtimeChannel({ name: "contract.members", scope: "authenticated", schema: z.object({ n: z.number() }) }),
  admin: defineRealtimeChannel({ name: "contract.admin", scope: { role: "admin" }, schema: z.object({ n: z.number() }) }),
  inbox: defineRealtimeChannel({
    name: "contract.inbox.{userId}",
    scope: { userScoped: "userId" },
    schema: z.object({ n: z.number() }),
  }),
};

export function contractRegistry(): RealtimeHandlerRegistry {
  const registry = new RealtimeHandlerRegistry();
  for (const channel of Object.values(contractChannels)) registry.registerChannel(channel);
  return registry;
}

const contractUsers = {
  alice: { userId: "alice", roles: ["admin"] } satisfies RealtimeUser,
  bob: { userId: "bob", roles: [] } satisfies RealtimeUser,
};

type SubscribeOutcome = { readonly ok: true } | { readonly ok: false; readonly code: string };

export interface ContractSubscriber {
  subscribe(channel: string): Promise<SubscribeOutcome>;
  unsubscribe(channel: string): Promise<void>;
  /** Messages received so far, in arrival order. */
  received(): readonly RealtimeMessage[];
  /** Resolves once at least `count` messages arrived (rejects after a timeout). */
  waitFor(count: number): Promise<readonly RealtimeMessage[]>;
  close(): Promise<void>;
}

export interface BroadcasterContractHarness {
  /** The adapter's broadcaster bound to an allowed source (what bind code hands a use case). */
  readonly broadcaster: IRealtimeBroadcaster;
  /** The same broadcaster unbound: the source gate in front of it. */
  readonly gated: RealtimeBroadcasterBase;
  connect(user: RealtimeUser | null): Promise<ContractSubscriber>;
  close(): Promise<void>;
}

/**
 * One suite, run against every adapter (in-memory, Socket.IO, Redis-backed):
 * lifecycle, room-local fan-out, per-channel ordering, payload isolation and
 * authorization, and the source gate (`UNAUTHORIZED_SOURCE`), as `000_*.txt`
 * asks of any distributed adapter.
 */
export function describeBroadcasterContract(adapter: string, createHarness: () => Promise<BroadcasterContractHarness>): void {
  describe(`IRealtimeBroadcaster contract: ${adapter}`, () => {
    let harness: BroadcasterContractHarness;
    const { feed, members, admin, inbox } = contractChannels;

    beforeEach(async () => {
      harness = await createHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    it("delivers to subscribers and stops after unsubscribe and close", async () => {
      const a = await harness.connect(null);
      const b = await harness.connect(null);
      expect(await a.subscribe("contract.feed")).toEqual({ ok: true });
      expect(await b.subscribe("contract.feed")).toEqual({ ok: true });
      await harness.broadcaster.broadcast(feed, {}, { n: 1 });
      await Promise.all([a.waitFor(1), b.waitFor(1)]);

      await a.unsubscribe("contract.feed");
      await harness.broadcaster.broadcast(feed, {}, { n: 2 });
      await b.waitFor(2);
      await b.close();
      const receipt = await harness.broadcaster.broadcast(feed, {}, { n: 3 });
      expect(receipt.delivered).toBe(0);
      expect(a.received().map((m) => m.payload)).toEqual([{ n: 1 }]);
      expect(b.received().map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    });

    it("fans out room-locally: other channels and other users' channels stay silent", async () => {
      const alice = await harness.connect(contractUsers.alice);
      const bob = await harness.connect(contractUsers.bob);
      await alice.subscribe("contract.inbox.alice");
      await bob.subscribe("contract.inbox.bob");
      await bob.subscribe("contract.feed");
      await harness.broadcaster.broadcast(inbox, { userId: "alice" }, { n: 1 });
      // A sentinel bob does receive proves the earlier message had its chance to arrive.
      await harness.broadcaster.broadcast(feed, {}, { n: 99 });
      await alice.waitFor(1);
      await bob.waitFor(1);
      expect(bob.received().map((m) => m.channel)).toEqual(["contract.feed"]);
      expect(alice.received().map((m) => m.channel)).toEqual(["contract.inbox.alice"]);
    });

    it("keeps per-channel order with strictly increasing seq", async () => {
      const sub = await harness.connect(null);
      await sub.subscribe("contract.feed");
      const count = 50;
      await Promise.all(Array.from({ length: count }, (_, n) => harness.broadcaster.broadcast(feed, {}, { n })));
      const messages = await sub.waitFor(count);
      expect(messages.map((m) => (m.payload as { n: number }).n)).toEqual(Array.from({ length: count }, (_, n) => n));
      const seqs = messages.map((m) => m.seq);
      seqs.slice(1).forEach((seq, i) => expect(seq).toBe(seqs[i]! + 1));
      expect(new Set(messages.map((m) => m.epoch)).size).toBe(1);
    });

    it("isolates payloads from the publisher and from other subscribers", async () => {
      const a = await harness.connect(null);
      const b = await harness.connect(null);
      await a.subscribe("contract.feed");
      await b.subscribe("contract.feed");
      const payload = { n: 1, tags: ["x"] };
      await harness.broadcaster.broadcast(feed, {}, payload);
      payload.tags.push("mutated-by-publisher");
      const [first] = await a.waitFor(1);
      (first!.payload as { tags: string[] }).tags.push("mutated-by-a");
      const [second] = await b.waitFor(1);
      expect(second!.payload).toEqual({ n: 1, tags: ["x"] });
    });

    it("authorizes every subscribe and never delivers to a refused subscriber", async () => {
      const anonymous = await harness.connect(null);
      const bob = await harness.connect(contractUsers.bob);
      expect(await anonymous.subscribe("contract.members")).toEqual({ ok: false, code: "UNAUTHENTICATED" });
      expect(await bob.subscribe("contract.admin")).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await bob.subscribe("contract.inbox.alice")).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await bob.subscribe("contract.members")).toEqual({ ok: true });
      await anonymous.subscribe("contract.feed");
      await harness.broadcaster.broadcast(admin, {}, { n: 1 });
      await harness.broadcaster.broadcast(inbox, { userId: "alice" }, { n: 2 });
      await harness.broadcaster.broadcast(members, {}, { n: 3 });
      await harness.broadcaster.broadcast(feed, {}, { n: 4 });
      await bob.waitFor(1);
      await anonymous.waitFor(1);
      expect(bob.received().map((m) => m.channel)).toEqual(["contract.members"]);
      expect(anonymous.received().map((m) => m.channel)).toEqual(["contract.feed"]);
    });

    it("refuses a broadcast without a source, with a forged one or another allowlist's, and delivers none of them", async () => {
      const sub = await harness.connect(null);
      await sub.subscribe("contract.feed");
      const lookAlike = { source: { kind: "use-case", name: "test.harness" }, label: "use-case:test.harness" };
      const foreign = new BroadcastSourceAllowlist().allow({ kind: "outbox-relay", name: "relay" });
      const attempts = [undefined, lookAlike, foreign].map((source) =>
        harness.gated.broadcast(feed, {}, { n: 1 }, source === undefined ? {} : { source: source as never }),
      );
      for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: "UNAUTHORIZED_SOURCE" });
      await expect(harness.gated.broadcastBatch(feed, {}, [{ n: 2 }])).rejects.toMatchObject({ code: "UNAUTHORIZED_SOURCE" });
      // A sentinel from an allowed source proves the refused ones had their chance to arrive.
      const allowed = harness.gated.sources.allow({ kind: "outbox-relay", name: "relay" });
      await harness.gated.broadcast(feed, {}, { n: 3 }, { source: allowed });
      await sub.waitFor(1);
      expect(sub.received().map((m) => m.payload)).toEqual([{ n: 3 }]);
    });

    it("rejects a payload that does not match the channel schema", async () => {
      await expect(harness.broadcaster.broadcast(feed, {}, { n: "one" } as unknown as { n: number })).rejects.toMatchObject({
        code: "INVALID_PAYLOAD",
      });
    });
  });
}

/** How long `waitUntil` waits for a condition by default. */
const WAIT_TIMEOUT_MS = 20_000;

/**
 * Polls until `predicate` holds; for adapters that deliver asynchronously. The bound is
 * generous on purpose: it only matters when the condition never holds (a loaded machine
 * is slow, not wrong), so it is never a timing assertion.
 */
export async function waitUntil(predicate: () => boolean, timeoutMs = WAIT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`waitUntil: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
