import { sql } from "@repo/core-database";
import { defineRealtimeChannel } from "@repo/core-realtime";
import { createRealtimeTransactionRunner } from "@repo/core-realtime/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

const wakeChannel = defineRealtimeChannel({ name: "outbox-wake-test.{id}", scope: "public", schema: z.object({ n: z.number() }) });

/** Ten minutes: far past every bound below, so only a wake-up can deliver in time, never the fallback poll. */
const POLL_NEVER_MS = "600000";
const DELIVERY_BOUND_MS = 30_000;

// The embedded store (ADR-021): the relay wakes on commits, not on its poll.
describe("startServer on the embedded store: the outbox relay wakes on commits", { timeout: 120_000 }, () => {
  let server: TestServer;
  let bob: RecordingSocket;
  let watcher: RecordingSocket;
  beforeAll(async () => {
    server = await startTestServer({ OUTBOX_POLL_INTERVAL_MS: POLL_NEVER_MS });
    expect(server.database.kind).toBe("pglite");
    server.bound.realtime.realtimeRegistry.registerChannel(wakeChannel);
    bob = await connectSocket(server.url, { cookie: (await signIn(server.url, "bob", "bob-password")).cookie });
    expect(await bob.subscribe("notifications.user.bob")).toMatchObject({ ok: true });
    watcher = await connectSocket(server.url);
    expect(await watcher.subscribe("outbox-wake-test.a")).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(async () => {
    bob.close();
    watcher.close();
    await server.shutdown("test done");
  });

  it("delivers a record committed by a writer without the commit hook (only PGlite's LISTEN can wake the relay)", async () => {
    // A second runner on the same store, as any other writer would be: it never kicks this relay.
    const elsewhere = createRealtimeTransactionRunner(server.database.db);
    await elsewhere.run(({ realtime }) => realtime.broadcast(wakeChannel, { id: "a" }, { n: 1 }));
    await waitFor(() => watcher.messages.some((m) => m.channel === "outbox-wake-test.a"), DELIVERY_BOUND_MS, "the relayed record");
    const { rows } = await sql<{ message_id: string; outcome: string | null }>`
      SELECT message_id, outcome FROM realtime_outbox WHERE channel_key = 'outbox-wake-test.a'`.execute(server.database.db);
    expect(rows).toEqual([{ message_id: watcher.messages.find((m) => m.channel === "outbox-wake-test.a")?.id, outcome: "delivered" }]);
  });

  it("delivers a use case's commit (a notification sent through tRPC) long before the fallback poll", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const response = await fetch(`${server.url}/api/trpc/notifications.send`, {
      method: "POST",
      headers: { cookie: alice.cookie, "content-type": "application/json" },
      body: JSON.stringify({ userId: "bob", title: "Woken, not polled", body: "" }),
    });
    expect(response.status).toBe(200);
    const isPush = (m: RecordingSocket["messages"][number]) => (m.payload as { notification?: { title: string } }).notification?.title === "Woken, not polled";
    await waitFor(() => bob.messages.some(isPush), DELIVERY_BOUND_MS, "the push");
    expect(bob.messages.filter(isPush)).toHaveLength(1);
  });
});
