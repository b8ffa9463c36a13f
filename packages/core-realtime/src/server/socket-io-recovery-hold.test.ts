import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { contractChannels, createTestRegistry } from "../__tests__/realtime-test-channels";
import { collectMessages, dropTransport, reconnect, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer } from "../__tests__/socket-io-harness";
import type { ForcedUnsubscribe } from "../protocol/wire-protocol";

/** Every engine.io packet the client's transports receive, across reconnects: what crossed the wire. */
function tapWire(client: RealtimeTestClient): string[] {
  const wire: string[] = [];
  const tap = (): void => {
    client.io.engine.on("packet", (packet: { data?: unknown }) => wire.push(String(packet.data)));
  };
  tap();
  client.io.on("open", tap);
  return wire;
}

describe("connection-state recovery re-runs the gates before anything is written", () => {
  let t: SocketIOTestServer;
  afterEach(async () => {
    await t.close();
  });

  const start = async (): Promise<void> => {
    t = await startSocketIOTestServer({
      registry: createTestRegistry().registry,
      connectionStateRecovery: { maxDisconnectionDurationMs: 10_000 },
    });
    t.authenticator.users.set("alice-s1", { userId: "alice", roles: ["admin"], sessionId: "s1" });
  };

  /** Subscribes alice to the admin and public channels, sees one message on each, then drops her transport (she stays away until `reconnect`). */
  const dropAfterSubscribing = async (): Promise<{ alice: RealtimeTestClient; wire: string[] }> => {
    const alice = await t.connect({ token: "alice-s1" });
    const wire = tapWire(alice);
    const received = collectMessages(alice);
    for (const channel of ["contract.admin", "contract.feed"]) {
      expect(await request(alice, "realtime:subscribe", { channel })).toMatchObject({ ok: true });
    }
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 1 });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 1 });
    await waitUntil(() => received.length === 2);
    dropTransport(alice); // a network drop: recoverable
    await waitUntil(() => t.server.connectedSockets() === 0);
    return { alice, wire };
  };

  const adminSecrets = (wire: readonly string[]) => wire.filter((data) => data.includes("contract.admin") && data.includes('"n":2'));

  it("writes nothing to a client whose session was revoked while it was away", async () => {
    await start();
    const { alice, wire } = await dropAfterSubscribing();
    t.authenticator.users.delete("alice-s1");
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 2 });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 2 });
    const refusal = await reconnect(alice).then(
      (): Error & { data?: unknown } => new Error("expected the recovery to be refused"),
      (error: unknown) => error as Error & { data?: unknown },
    );
    expect(refusal.data).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(adminSecrets(wire)).toEqual([]);
    expect(wire.filter((data) => data.includes('"n":2'))).toEqual([]);
  });

  it("replays only the channels the user may still read after a role change while away", async () => {
    await start();
    const { alice, wire } = await dropAfterSubscribing();
    const received = collectMessages(alice);
    const notices: ForcedUnsubscribe[] = [];
    alice.on("realtime:unsubscribed", (notice) => notices.push(notice));
    t.authenticator.users.set("alice-s1", { userId: "alice", roles: [], sessionId: "s1" });
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 2 });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 2 });
    await reconnect(alice);
    expect(alice.recovered).toBe(true);
    await waitUntil(() => notices.length === 1 && received.length === 1);
    expect(notices[0]).toMatchObject({ channel: "contract.admin", error: { code: "FORBIDDEN" } });
    expect(received.map((message) => [message.channel, message.payload])).toEqual([["contract.feed", { n: 2 }]]);
    expect(adminSecrets(wire)).toEqual([]);

    // Still subscribed to the public channel only, and the hold kept nothing.
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 3 });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 3 });
    await waitUntil(() => received.length === 2);
    expect(received.map((message) => message.channel)).toEqual(["contract.feed", "contract.feed"]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toMatchObject({ "contract.admin": 0, "contract.feed": 1 });
  });

  it("replays everything missed to a user who kept access, in order, with no duplicates", async () => {
    await start();
    const { alice } = await dropAfterSubscribing();
    const received = collectMessages(alice);
    for (let n = 2; n <= 4; n++) await t.broadcaster.broadcast(contractChannels.admin, {}, { n });
    await reconnect(alice);
    expect(alice.recovered).toBe(true);
    await waitUntil(() => received.length === 3);
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 5 });
    await waitUntil(() => received.length === 4);
    expect(received.map((message) => message.payload)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toMatchObject({ "contract.admin": 1, "contract.feed": 1 });
  });
});
