import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "../server/__tests__/realtime-test-client";
import { startTestServer, waitFor } from "../server/__tests__/test-server";
import type { TestServer } from "../server/__tests__/test-server";

describe("realtime-ping over a real socket", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ REALTIME_PING_INTERVAL_MS: "50" });
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("delivers the server tick to a subscriber, tagged with this instance", async () => {
    const client = await connectSocket(server.url);
    expect(await client.subscribe("realtime-ping")).toMatchObject({ ok: true, channel: "realtime-ping" });
    await waitFor(() => client.messages.length >= 2, 3_000, "two ticks");
    const [first, second] = client.messages;
    expect(first).toMatchObject({ channel: "realtime-ping", payload: { instanceId: server.realtimeServer.instanceId } });
    expect(typeof (first!.payload as { serverTime: unknown }).serverTime).toBe("number");
    expect(second!.seq).toBeGreaterThan(first!.seq);
    client.close();
  });

  it("sends no tick to a socket that did not subscribe", async () => {
    const client = await connectSocket(server.url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.messages).toEqual([]);
    client.close();
  });

  it("acks a ping with the server time and the client's time", async () => {
    const client = await connectSocket(server.url);
    const clientTime = Date.now();
    const ack = await client.publish("realtime-ping", { clientTime });
    expect(ack).toEqual({ ok: true, result: { serverTime: expect.any(Number) as number, clientTime } });
    const serverTime = (ack as { result: { serverTime: number } }).result.serverTime;
    expect(serverTime).toBeGreaterThanOrEqual(clientTime);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
    client.close();
  });

  it("refuses a ping whose payload does not match the inbound schema", async () => {
    const client = await connectSocket(server.url);
    expect(await client.publish("realtime-ping", { clientTime: "now" })).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    client.close();
  });
});
