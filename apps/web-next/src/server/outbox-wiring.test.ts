import { sql } from "@repo/core-database";
import { defineRealtimeChannel } from "@repo/core-realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

/** A channel no feature registers: its records wait in the outbox (the relay retries an unknown channel, never drops it). */
const unregisteredChannel = defineRealtimeChannel({ name: "outbox-test-unregistered.{id}", scope: "public", schema: z.object({ n: z.number() }) });

interface OutboxRow {
  message_id: string;
  channel_key: string;
  outcome: string | null;
}

/** A series' value in /metrics, summed over its labels. */
async function metricValue(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const samples = text.split("\n").filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return samples.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
}

// The app's outbox wiring (ADR-021): migrations, the runner in BindContext, a relay on this instance.
describe("startServer: the transactional outbox", { timeout: 60_000 }, () => {
  let server: TestServer;
  let bob: RecordingSocket;
  beforeAll(async () => {
    server = await startTestServer();
    const signedIn = await signIn(server.url, "bob", "bob-password");
    bob = await connectSocket(server.url, { cookie: signedIn.cookie });
    expect(await bob.subscribe("notifications.user.bob")).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(async () => {
    bob.close();
    await server.shutdown("test done");
  });

  const outboxRows = async (): Promise<OutboxRow[]> =>
    (await sql<OutboxRow>`SELECT message_id, channel_key, outcome FROM realtime_outbox ORDER BY id`.execute(server.database.db)).rows;

  it("delivers a notification sent through tRPC via the outbox: stored with it, relayed once, with the record's message id", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const response = await fetch(`${server.url}/api/trpc/notifications.send`, {
      method: "POST",
      headers: { cookie: alice.cookie, "content-type": "application/json" },
      body: JSON.stringify({ userId: "bob", title: "Through the outbox", body: "" }),
    });
    expect(response.status).toBe(200);
    await waitFor(() => bob.messages.some((m) => (m.payload as { notification?: { title: string } }).notification?.title === "Through the outbox"), 10_000, "the push");
    const pushes = bob.messages.filter((m) => (m.payload as { notification?: { title: string } }).notification?.title === "Through the outbox");
    expect(pushes).toHaveLength(1);
    const rows = (await outboxRows()).filter((row) => row.message_id === pushes[0]?.id);
    expect(rows).toEqual([{ message_id: pushes[0]?.id, channel_key: "notifications.user.bob", outcome: "delivered" }]);
  });

  it("delivers an article published through tRPC to the feed via the outbox: stored with it, relayed once", async () => {
    const reader = await connectSocket(server.url);
    try {
      expect(await reader.subscribe("articles.feed")).toMatchObject({ ok: true });
      const alice = await signIn(server.url, "alice", "alice-password");
      const response = await fetch(`${server.url}/api/trpc/articles.publish`, {
        method: "POST",
        headers: { cookie: alice.cookie, "content-type": "application/json" },
        body: JSON.stringify({ title: "Through the outbox too", body: "Articles commit with their feed item" }),
      });
      expect(response.status).toBe(200);
      const isItem = (m: RecordingSocket["messages"][number]) => (m.payload as { title?: string }).title === "Through the outbox too";
      await waitFor(() => reader.messages.some(isItem), 30_000, "the feed item");
      const items = reader.messages.filter(isItem);
      expect(items).toHaveLength(1);
      const rows = (await outboxRows()).filter((row) => row.message_id === items[0]?.id);
      expect(rows).toEqual([{ message_id: items[0]?.id, channel_key: "articles.feed", outcome: "delivered" }]);
    } finally {
      reader.close();
    }
  });

  it("stays ready while records wait in the outbox, and reports their depth in /metrics", async () => {
    await server.bound.outbox.transactions.run(({ realtime }) => realtime.broadcast(unregisteredChannel, { id: "x" }, { n: 1 }));
    // The relay tried (unknown channel: retried with backoff, kept) and measured the backlog.
    const deadline = Date.now() + 10_000;
    while ((await metricValue(server, "realtime_outbox_pending")) < 1) {
      if (Date.now() > deadline) throw new Error("realtime_outbox_pending never counted the waiting record");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await metricValue(server, "realtime_outbox_retries_total")).toBeGreaterThanOrEqual(1);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
    expect((await outboxRows()).find((row) => row.channel_key === "outbox-test-unregistered.x")).toMatchObject({ outcome: null });
  });
});
