import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from "@repo/core-realtime/server";
import type { RealtimeWebhookBody, RealtimeWebhookEvent } from "@repo/core-realtime/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "../__tests__/realtime-test-client";
import { testRoomChannel } from "../__tests__/test-room.channel";
import { signIn, startTestServer, waitFor } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

const SECRET = "app-webhook-secret-0123456789abcdef";

describe("webhooks from the real server (REALTIME_WEBHOOK_URL)", () => {
  let receiver: Server;
  let server: TestServer;
  const events: RealtimeWebhookEvent[] = [];
  const verified: boolean[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const header = req.headers[WEBHOOK_SIGNATURE_HEADER];
        verified.push(verifyWebhookSignature(SECRET, typeof header === "string" ? header : undefined, body, Math.floor(Date.now() / 1000)).ok);
        events.push(...(JSON.parse(body) as RealtimeWebhookBody).events);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/realtime-hook`;
    server = await startTestServer({ REALTIME_WEBHOOK_URL: url, REALTIME_WEBHOOK_SECRET: SECRET });
    server.bound.realtime.realtimeRegistry.registerChannel(testRoomChannel);
  }, 60_000);

  afterAll(async () => {
    await server.shutdown("test done");
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("posts signed occupancy and membership events as sockets come and go", async () => {
    const session = await signIn(server.url, "bob", "bob-password");
    const bob = await connectSocket(server.url, { token: session.token });
    expect((await bob.subscribe("test-room.hooked")).ok).toBe(true);
    await waitFor(() => events.some((event) => event.name === "member_added"), 20_000, "member_added");
    bob.close();
    await waitFor(() => events.some((event) => event.name === "channel_vacated"), 20_000, "channel_vacated");
    const hooked = events.filter((event) => event.channel === "test-room.hooked");
    expect(hooked.slice(0, 2)).toEqual([
      { name: "channel_occupied", channel: "test-room.hooked" },
      { name: "member_added", channel: "test-room.hooked", userId: session.userId },
    ]);
    // The two leaves are told by two trackers on the same disconnect: either may come first.
    expect(hooked.slice(2)).toHaveLength(2);
    expect(hooked.slice(2)).toEqual(
      expect.arrayContaining([
        { name: "member_removed", channel: "test-room.hooked", userId: session.userId },
        { name: "channel_vacated", channel: "test-room.hooked" },
      ]),
    );
    expect(verified.every(Boolean)).toBe(true);
  });
});
