import { inMemoryUnitOfWork, RecordingEventBus, startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness } from "@repo/core-testing";
import { createRealtimeClient, memoryPositionStore } from "@repo/core-realtime/client";
import type { RealtimeUser } from "@repo/core-realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryNotificationRepository } from "../repositories/in-memory-notification-repository";
import { markNotificationsReadUseCase } from "../use-cases/mark-notifications-read";
import { sendNotificationUseCase } from "../use-cases/send-notification";
import type { SendNotification } from "../use-cases/send-notification";
import { notificationsChannel } from "./notifications.channel";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };

/** Long enough for a stray message to arrive over loopback if the server were going to send one. */
const QUIET_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

// The real use cases broadcasting through a real Socket.IO server, to real clients.
describe("notifications.user.{userId} over real sockets", () => {
  let harness: ChannelHarness;
  let send: SendNotification;

  beforeAll(async () => {
    harness = await startChannelHarness({ channels: [notificationsChannel], users: [alice, bob] });
    send = sendNotificationUseCase({ work: inMemoryUnitOfWork({ notifications: new InMemoryNotificationRepository() }, harness.broadcaster), bus: new RecordingEventBus() });
  });

  afterAll(async () => {
    await harness.close();
  });

  it.each([
    { who: "alice on her own channel", user: alice, owner: "alice", expected: { ok: true } },
    { who: "bob on his own channel", user: bob, owner: "bob", expected: { ok: true } },
    { who: "bob on alice's channel", user: bob, owner: "alice", expected: { ok: false, error: { code: "FORBIDDEN" } } },
    { who: "alice (an admin) on bob's channel", user: alice, owner: "bob", expected: { ok: false, error: { code: "FORBIDDEN" } } },
    { who: "an anonymous socket on bob's channel", user: null, owner: "bob", expected: { ok: false, error: { code: "UNAUTHENTICATED" } } },
  ])("subscribe: $who -> $expected.ok", async ({ user, owner, expected }) => {
    const client = await harness.connectAs(user);
    expect(await client.subscribe(notificationsChannel, { userId: owner })).toMatchObject(expected);
    client.close();
  });

  it("bob, refused on alice's channel, receives nothing sent to alice; alice receives it with her count", async () => {
    const aliceClient = await harness.connectAs(alice);
    const bobClient = await harness.connectAs(bob);
    expect(await aliceClient.subscribe(notificationsChannel, { userId: "alice" })).toMatchObject({ ok: true });
    expect(await bobClient.subscribe(notificationsChannel, { userId: "alice" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    await send({ userId: "alice", title: "For alice only", body: "secret" });
    const [message] = await aliceClient.waitFor("notifications.user.alice", 1);
    expect(message).toMatchObject({ kind: "created", notification: { title: "For alice only", body: "secret", read: false }, unreadCount: 1 });
    await quiet();
    expect(bobClient.received("notifications.user.alice")).toEqual([]);
    aliceClient.close();
    bobClient.close();
  });

  it("sending to bob reaches bob and never alice", async () => {
    const aliceClient = await harness.connectAs(alice);
    const bobClient = await harness.connectAs(bob);
    await aliceClient.subscribe(notificationsChannel, { userId: "alice" });
    await bobClient.subscribe(notificationsChannel, { userId: "bob" });

    await send({ userId: "bob", title: "For bob", body: "" });
    const [message] = await bobClient.waitFor("notifications.user.bob", 1);
    expect(message).toMatchObject({ kind: "created", notification: { title: "For bob" } });
    await quiet();
    expect(aliceClient.received("notifications.user.alice")).toEqual([]);
    expect(aliceClient.received("notifications.user.bob")).toEqual([]);
    aliceClient.close();
    bobClient.close();
  });

  it("carries read marks to the user's other tabs", async () => {
    const notifications = new InMemoryNotificationRepository();
    const sendHere = sendNotificationUseCase({ work: inMemoryUnitOfWork({ notifications }, harness.broadcaster), bus: new RecordingEventBus() });
    const markRead = markNotificationsReadUseCase({ work: inMemoryUnitOfWork({ notifications }, harness.broadcaster) });
    const { id } = await sendHere({ userId: "bob", title: "read me", body: "" });
    const otherTab = await harness.connectAs(bob);
    await otherTab.subscribe(notificationsChannel, { userId: "bob" });
    await markRead({ userId: "bob", ids: [id] });
    expect(await otherTab.waitFor("notifications.user.bob", 1)).toEqual([{ kind: "read", ids: [id], unreadCount: 0 }]);
    otherTab.close();
  });

  it("replays what a user missed while disconnected (history), and nothing of another user's", async () => {
    const positions = memoryPositionStore();
    const connect = () =>
      createRealtimeClient({ url: harness.url, transports: ["websocket"], getToken: () => "bob", positionStore: positions, gapTimeoutMs: 100 });
    const titles = (received: unknown[]) => received.map((m) => (m as { notification: { title: string } }).notification.title);

    const first = connect();
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      first.subscribe(notificationsChannel, { userId: "bob" }, (payload) => seen.push(payload), { onSubscribed: resolve });
    });
    await send({ userId: "bob", title: "before the drop", body: "" });
    await expect.poll(() => seen.length).toBe(1);
    first.close();

    // Sent while bob has no connection at all.
    await send({ userId: "bob", title: "missed 1", body: "" });
    await send({ userId: "alice", title: "not bob's", body: "" });
    await send({ userId: "bob", title: "missed 2", body: "" });

    const second = connect();
    const replayed: unknown[] = [];
    let recovered: boolean | undefined;
    second.subscribe(notificationsChannel, { userId: "bob" }, (payload) => replayed.push(payload), {
      onRecovered: (value) => (recovered = value),
    });
    await expect.poll(() => replayed.length).toBe(2);
    expect(titles(replayed)).toEqual(["missed 1", "missed 2"]);
    expect(recovered).toBe(true);
    await quiet();
    expect(replayed).toHaveLength(2);
    second.close();
  });
});
