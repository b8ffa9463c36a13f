import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogCapture } from "@repo/core-observability/testing";
import type { RealtimeWebhookBody } from "./webhook-events";
import { WebhookSender } from "./webhook-sender";
import type { WebhookPost } from "./webhook-sender";
import { verifyWebhookSignature } from "./webhook-signature";

const SECRET = "webhook-secret-0123456789abcdef0123";

/** A receiver that answers the given statuses in turn (then the last one forever) and records what it got. */
function receiver(statuses: number[]): { post: WebhookPost; bodies: RealtimeWebhookBody[]; signatures: boolean[] } {
  const bodies: RealtimeWebhookBody[] = [];
  const signatures: boolean[] = [];
  let call = 0;
  const post: WebhookPost = (_url, body, headers) => {
    bodies.push(JSON.parse(body) as RealtimeWebhookBody);
    signatures.push(verifyWebhookSignature(SECRET, headers["x-realtime-signature"], body, Math.floor(Date.now() / 1000)).ok);
    return Promise.resolve(statuses[Math.min(call++, statuses.length - 1)] ?? 200);
  };
  return { post, bodies, signatures };
}

describe("WebhookSender (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const create = (post: WebhookPost, extra: { maxAttempts?: number; maxQueued?: number; onGiveUp?: (n: number) => void } = {}) => {
    const logs = createLogCapture({ level: "warn" });
    const sender = new WebhookSender({ url: "http://receiver.test/hook", secret: SECRET, logger: logs.logger, post, batchDelayMs: 50, backoff: { initialMs: 100, maxMs: 1_000 }, ...extra });
    return { sender, logs };
  };

  it("gathers events into one signed request after the batch delay, in order", async () => {
    const hook = receiver([200]);
    const { sender } = create(hook.post);
    sender.enqueue({ name: "channel_occupied", channel: "a" });
    sender.enqueue({ name: "member_added", channel: "a", userId: "u1" });
    expect(hook.bodies).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]?.events).toEqual([
      { name: "channel_occupied", channel: "a" },
      { name: "member_added", channel: "a", userId: "u1" },
    ]);
    expect(hook.signatures).toEqual([true]);
  });

  it("retries a failing receiver with growing delays, then succeeds, keeping later events behind", async () => {
    const hook = receiver([500, 503, 200]);
    const { sender } = create(hook.post);
    sender.enqueue({ name: "channel_occupied", channel: "a" });
    await vi.advanceTimersByTimeAsync(50);
    expect(hook.bodies).toHaveLength(1);
    sender.enqueue({ name: "channel_vacated", channel: "a" });
    await vi.advanceTimersByTimeAsync(99);
    expect(hook.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hook.bodies).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(hook.bodies).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(hook.bodies.map((body) => body.events.map((event) => event.name))).toEqual([["channel_occupied"], ["channel_occupied"], ["channel_occupied"]]);
    await vi.advanceTimersByTimeAsync(10);
    expect(hook.bodies.length).toBe(4);
    expect(hook.bodies[3]?.events).toEqual([{ name: "channel_vacated", channel: "a" }]);
    expect(hook.signatures.every(Boolean)).toBe(true);
  });

  it("gives up after maxAttempts with an error log, and goes on with the next events", async () => {
    const hook = receiver([500, 500, 500, 200]);
    const givenUp: number[] = [];
    const { sender, logs } = create(hook.post, { maxAttempts: 3, onGiveUp: (n) => givenUp.push(n) });
    sender.enqueue({ name: "channel_occupied", channel: "a" });
    await vi.advanceTimersByTimeAsync(50 + 100 + 200);
    expect(hook.bodies).toHaveLength(3);
    expect(givenUp).toEqual([1]);
    expect(logs.entries().some((entry) => entry.msg === "realtime_webhook_given_up")).toBe(true);
    sender.enqueue({ name: "channel_vacated", channel: "a" });
    await vi.advanceTimersByTimeAsync(50);
    expect(hook.bodies[3]?.events).toEqual([{ name: "channel_vacated", channel: "a" }]);
  });

  it("treats a network failure like a refusal", async () => {
    let calls = 0;
    const { sender } = create(() => (++calls === 1 ? Promise.reject(new Error("ECONNREFUSED")) : Promise.resolve(204)));
    sender.enqueue({ name: "channel_occupied", channel: "a" });
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toBe(2);
  });

  it("bounds the queue while the receiver is down, dropping the oldest", async () => {
    const hook = receiver([200]);
    const { sender } = create(hook.post, { maxQueued: 3 });
    for (let i = 0; i < 5; i++) sender.enqueue({ name: "member_added", channel: "a", userId: `u${i}` });
    await vi.advanceTimersByTimeAsync(50);
    expect(hook.bodies[0]?.events.map((event) => event.userId)).toEqual(["u2", "u3", "u4"]);
  });

  it("sends what is queued on close and takes nothing after", async () => {
    const hook = receiver([200]);
    const { sender } = create(hook.post);
    sender.enqueue({ name: "channel_occupied", channel: "a" });
    await sender.close();
    expect(hook.bodies).toHaveLength(1);
    sender.enqueue({ name: "channel_vacated", channel: "a" });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hook.bodies).toHaveLength(1);
  });
});
