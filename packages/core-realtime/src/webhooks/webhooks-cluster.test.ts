import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { startRedisCluster } from "../__tests__/redis-cluster-harness";
import type { RedisCluster } from "../__tests__/redis-cluster-harness";
import { request } from "../__tests__/socket-io-harness";
import type { RealtimeWebhookBody, RealtimeWebhookEvent } from "./webhook-events";
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from "./webhook-signature";

const available = await probeRedis();
const SECRET = "cluster-webhook-secret-0123456789abcdef";

/** A local HTTP receiver: answers `failuresLeft` requests with 500, then 200; records every request and whether its signature verified. */
interface Receiver {
  readonly url: string;
  readonly events: RealtimeWebhookEvent[];
  readonly requests: { readonly status: number; readonly verified: boolean }[];
  failuresLeft: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, "url" | "close"> = { events: [], requests: [], failuresLeft: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers[WEBHOOK_SIGNATURE_HEADER];
      const verified = verifyWebhookSignature(SECRET, typeof header === "string" ? header : undefined, body, Math.floor(Date.now() / 1000)).ok;
      const status = receiver.failuresLeft > 0 ? 500 : 200;
      if (status === 500) receiver.failuresLeft--;
      receiver.requests.push({ status, verified });
      if (status === 200) receiver.events.push(...(JSON.parse(body) as RealtimeWebhookBody).events);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return Object.assign(receiver, { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

const WAIT_MS = 20_000;
const named = (receiver: Receiver, name: string, channel: string) => receiver.events.filter((event) => event.name === name && event.channel === channel);

describeWithRedis(available)("webhooks from two instances sharing Redis", () => {
  const keyspace = testRedisKeyspace("webhooks");
  let redis: RedisClientType;
  let receiver: Receiver;
  let cluster: RedisCluster;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterEach(async () => {
    await cluster.close();
    await receiver.close();
  });
  afterAll(() => keyspace.dispose());

  const join = async (on: RedisCluster["a"], userId: string, channel: string) => {
    cluster.authenticator.users.set(userId, { userId, roles: [] });
    const client = await on.connect({ token: userId });
    expect((await request(client, "realtime:subscribe", { channel })).ok).toBe(true);
    return client;
  };

  it("tells occupancy and membership once per cluster, signed, whichever instance holds the sockets", async () => {
    receiver = await startReceiver();
    cluster = await startRedisCluster(redis, keyspace.prefix, { webhooks: { url: receiver.url, secret: SECRET } });
    const alice = await join(cluster.a, "alice", "room.hook");
    await waitUntil(() => named(receiver, "channel_occupied", "room.hook").length === 1, WAIT_MS);
    const bob = await join(cluster.b, "bob", "room.hook");
    const aliceAgain = await join(cluster.b, "alice", "room.hook");
    await waitUntil(() => named(receiver, "member_added", "room.hook").length === 2, WAIT_MS);

    expect((await request(alice, "realtime:unsubscribe", { channel: "room.hook" })).ok).toBe(true);
    aliceAgain.disconnect();
    await waitUntil(() => named(receiver, "member_removed", "room.hook").length === 1, WAIT_MS);
    bob.disconnect();
    await waitUntil(() => named(receiver, "channel_vacated", "room.hook").length === 1, WAIT_MS);
    // A later channel's events come after everything above was sent: nothing about room.hook may follow.
    const marker = await join(cluster.a, "carol", "room.marker");
    await waitUntil(() => named(receiver, "channel_occupied", "room.marker").length === 1, WAIT_MS);
    marker.disconnect();

    const aboutHook = receiver.events.filter((event) => event.channel === "room.hook");
    expect(aboutHook.filter((event) => event.name === "channel_occupied")).toHaveLength(1);
    expect(aboutHook.filter((event) => event.name === "channel_vacated")).toHaveLength(1);
    expect(aboutHook.filter((event) => event.name === "member_added").map((event) => event.userId).sort()).toEqual(["alice", "bob"]);
    // alice left for good only when her second socket went; bob's leave is in flight with the vacancy.
    expect(aboutHook.filter((event) => event.name === "member_removed").map((event) => event.userId)).toContain("alice");
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
  });

  it("retries a failing receiver until it answers, and nothing is lost", async () => {
    receiver = await startReceiver();
    receiver.failuresLeft = 2;
    cluster = await startRedisCluster(redis, keyspace.prefix, { webhooks: { url: receiver.url, secret: SECRET } });
    await join(cluster.a, "dave", "room.retry");
    await waitUntil(() => named(receiver, "channel_occupied", "room.retry").length === 1, WAIT_MS);
    expect(receiver.requests.slice(0, 3).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
  });
});
