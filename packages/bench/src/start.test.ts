import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { REALTIME_PROTOCOL_VERSION, RealtimeError } from "@repo/core-realtime";
import type { RealtimeMessage } from "@repo/core-realtime";
import { waitFor } from "./clock";
import { start } from "./start";
import type { StartedBenchServer } from "./start";

describe("start()", () => {
  let bench: StartedBenchServer;
  let client: Socket;

  beforeAll(async () => {
    bench = await start({ host: "127.0.0.1", port: 0 });
    client = io(`http://127.0.0.1:${bench.port}`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      auth: { version: REALTIME_PROTOCOL_VERSION, token: "u1" },
    });
    await new Promise<void>((resolve, reject) => {
      client.once("connect", resolve);
      client.once("connect_error", reject);
    });
  });

  afterAll(async () => {
    client.disconnect();
    await bench.close();
  });

  it("delivers what broadcast sends to a real socket.io-client subscriber, stamped with seq", async () => {
    const ack: unknown = await client.timeout(20_000).emitWithAck("realtime:subscribe", { channel: "bench.fanout" });
    expect(ack).toMatchObject({ ok: true, channel: "bench.fanout" });
    const received: RealtimeMessage[] = [];
    client.on("realtime:message", (message: RealtimeMessage) => received.push(message));

    const payload = { dueAt: 1_733_000_000_000.5, step: 3, pad: "xyz" };
    expect(await bench.broadcast("bench.fanout", payload)).toBe(1);
    expect(await bench.broadcast("bench.fanout", { ...payload, step: 4 })).toBe(1);

    expect(await waitFor(() => received.length >= 2, 20_000)).toBe(true);
    expect(received.map((m) => m.payload)).toEqual([payload, { ...payload, step: 4 }]);
    expect(received[0]).toMatchObject({ channel: "bench.fanout", seq: 1 });
    expect(received[1]?.seq).toBe(2);
    expect(received[1]?.epoch).toBe(received[0]?.epoch);
  });

  it("rejects an unknown channel with UNKNOWN_CHANNEL", async () => {
    const attempt = bench.broadcast("bench.nope", { dueAt: 1, step: 0, pad: "" });
    await expect(attempt).rejects.toBeInstanceOf(RealtimeError);
    await expect(attempt).rejects.toMatchObject({ code: "UNKNOWN_CHANNEL" });
  });

  it("rejects a payload that does not fit the channel schema with INVALID_PAYLOAD", async () => {
    await expect(bench.broadcast("bench.fanout", { dueAt: "soon" })).rejects.toMatchObject({ code: "INVALID_PAYLOAD" });
  });
});
