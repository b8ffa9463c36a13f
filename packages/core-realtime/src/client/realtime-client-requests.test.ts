import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeRealtimeTransport } from "../__tests__/fake-realtime-transport";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { memoryPositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";

const chat = defineRealtimeChannel({
  name: "chat.{roomId}",
  scope: "public",
  schema: z.object({ text: z.string() }),
  inbound: z.object({ text: z.string() }),
  presence: true,
});

function start() {
  const wire = new FakeRealtimeTransport();
  const client = new RealtimeClient({ transport: wire, positionStore: memoryPositionStore() });
  return { wire, client };
}

async function rejection(promise: Promise<unknown>): Promise<RealtimeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RealtimeError)) throw new Error(`expected a RealtimeError, got ${String(error)}`);
  return error;
}

describe("RealtimeClient publish and presence parse their acks (fake transport)", () => {
  it("publish sends the frame (with the retry id) and resolves with the handler's result", async () => {
    const { wire, client } = start();
    const result = client.publish(chat, { roomId: "r1" }, { text: "hi" }, { id: "m-1" });
    expect(wire.sent("realtime:publish")).toEqual([{ channel: "chat.r1", payload: { text: "hi" }, id: "m-1" }]);
    await wire.answer("realtime:publish", { ok: true, result: { stored: 1 } });
    await expect(result).resolves.toEqual({ stored: 1 });
  });

  it("presence resolves with the members", async () => {
    const { wire, client } = start();
    const members = client.presence(chat, { roomId: "r1" });
    await wire.answer("realtime:presence", { ok: true, channel: "chat.r1", members: [{ userId: "u1", connections: 2 }] });
    await expect(members).resolves.toEqual([{ userId: "u1", connections: 2 }]);
  });

  it("presence keeps the members' profiles (display name, roles) the server sent", async () => {
    const { wire, client } = start();
    const members = client.presence(chat, { roomId: "r1" });
    const sent = [
      { userId: "u1", connections: 1, displayName: "alice", roles: ["staff"] },
      { userId: "u2", connections: 1, displayName: "bob" },
    ];
    await wire.answer("realtime:presence", { ok: true, channel: "chat.r1", members: sent });
    await expect(members).resolves.toEqual(sent);
  });

  it.each([
    ["publish", (client: RealtimeClient) => client.publish(chat, { roomId: "r1" }, { text: "hi" }), "realtime:publish"],
    ["presence", (client: RealtimeClient) => client.presence(chat, { roomId: "r1" }), "realtime:presence"],
  ] as const)("%s rejects a refusal as a RealtimeError with the server's code and retry hint", async (_name, call, event) => {
    const { wire, client } = start();
    const pending = rejection(call(client));
    await wire.answer(event, { ok: false, error: { code: "RATE_LIMITED", message: "slow down", retryAfterMs: 250 } });
    const error = await pending;
    expect([error.code, error.message, error.details.retryAfterMs]).toEqual(["RATE_LIMITED", "slow down", 250]);
  });

  it.each([
    ["publish", (client: RealtimeClient) => client.publish(chat, { roomId: "r1" }, { text: "hi" }), "realtime:publish", { ok: "yes" }],
    ["publish", (client: RealtimeClient) => client.publish(chat, { roomId: "r1" }, { text: "hi" }), "realtime:publish", { ok: false, error: "boom" }],
    ["presence", (client: RealtimeClient) => client.presence(chat, { roomId: "r1" }), "realtime:presence", { ok: true, channel: "chat.r1" }],
    ["presence", (client: RealtimeClient) => client.presence(chat, { roomId: "r1" }), "realtime:presence", null],
  ] as const)("%s rejects a malformed ack as INVALID_FRAME", async (_name, call, event, ack) => {
    const { wire, client } = start();
    const pending = rejection(call(client));
    await wire.answer(event, ack);
    expect((await pending).code).toBe("INVALID_FRAME");
  });

  it.each([
    ["publish", (client: RealtimeClient) => client.publish(chat, { roomId: "bad room" }, { text: "hi" })],
    ["presence", (client: RealtimeClient) => client.presence(chat, { roomId: "" })],
  ] as const)("%s rejects invalid params as RealtimeError INVALID_PARAMS without sending", async (_name, call) => {
    const { wire, client } = start();
    expect((await rejection(call(client))).code).toBe("INVALID_PARAMS");
    expect(wire.requests).toEqual([]);
  });
});
