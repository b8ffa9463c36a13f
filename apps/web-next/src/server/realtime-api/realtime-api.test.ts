import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "../__tests__/realtime-test-client";
import type { RecordingSocket } from "../__tests__/realtime-test-client";
import { testRoomChannel } from "../__tests__/test-room.channel";
import { signIn, startTestServer, waitFor } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";
import { REALTIME_API_PATHS } from "./realtime-api-routes";

const KEY = "server-api-test-key-0123456789abcdef";
const ROTATED_KEY = "server-api-rotated-key-0123456789abcdef";

interface ApiResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

describe("server HTTP API against the real server", () => {
  let server: TestServer;
  let alice: RecordingSocket;
  let aliceId: string;

  const call = async (method: "GET" | "POST", path: string, options: { key?: string | null; body?: unknown } = {}): Promise<ApiResponse> => {
    const key = options.key === undefined ? KEY : options.key;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(options.body === undefined ? {} : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const publish = (body: unknown, key?: string | null) => call("POST", REALTIME_API_PATHS.publish, { body, key });

  beforeAll(async () => {
    server = await startTestServer({ REALTIME_API_KEYS: `${KEY}, ${ROTATED_KEY}` });
    server.bound.realtime.realtimeRegistry.registerChannel(testRoomChannel);
    const session = await signIn(server.url, "alice", "alice-password");
    aliceId = session.userId;
    alice = await connectSocket(server.url, { token: session.token });
    expect((await alice.subscribe("test-room.api")).ok).toBe(true);
  }, 60_000);

  afterAll(async () => {
    alice.close();
    await server.shutdown("test done");
  });

  it.each([
    ["no key", null],
    ["a wrong key", "wrong-key-0123456789abcdef0123456789ab"],
    ["a session token instead of a key", "not-a-key"],
  ])("answers 401 UNAUTHENTICATED to %s on every route and runs nothing", async (_what, key) => {
    const before = alice.messages.length;
    const refused = await publish({ channel: "test-room.api", payload: { n: 1, from: "api" } }, key);
    expect(refused).toEqual({ status: 401, body: { ok: false, error: { code: "UNAUTHENTICATED", message: expect.any(String) as string } } });
    for (const path of [`${REALTIME_API_PATHS.history}?channel=test-room.api`, `${REALTIME_API_PATHS.presence}?channel=test-room.api`, REALTIME_API_PATHS.channels]) {
      expect((await call("GET", path, { key })).status).toBe(401);
    }
    // A publish that did run would be on alice's socket before this one, which is sent after.
    await publish({ channel: "test-room.api", payload: { n: 2, from: "marker" } });
    await waitFor(() => alice.messages.length > before, 10_000, "the marker message");
    expect(alice.messages.slice(before).map((message) => message.payload)).toEqual([{ n: 2, from: "marker" }]);
  });

  it("publishes one message and a batch: delivered in order with consecutive seq, answered with the last seq and epoch", async () => {
    const before = alice.messages.length;
    const single = await publish({ channel: "test-room.api", payload: { n: 10, from: "api" } }, ROTATED_KEY);
    expect(single).toEqual({ status: 200, body: { ok: true, seq: expect.any(Number) as number, epoch: expect.any(String) as string } });
    const batch = await publish({ channel: "test-room.api", payloads: [11, 12, 13].map((n) => ({ n, from: "api" })) });
    await waitFor(() => alice.messages.length === before + 4, 10_000, "four messages");
    const seen = alice.messages.slice(before);
    expect(seen.map((message) => (message.payload as { n: number }).n)).toEqual([10, 11, 12, 13]);
    expect(seen.map((message) => message.seq)).toEqual([0, 1, 2, 3].map((i) => seen[0]!.seq + i));
    expect(batch.body).toEqual({ ok: true, seq: seen[3]!.seq, epoch: seen[3]!.epoch });
  });

  it.each([
    ["an unknown channel", { channel: "nope.x", payload: {} }, 404, "UNKNOWN_CHANNEL"],
    ["a payload the channel's schema refuses", { channel: "test-room.api", payload: { n: "one" } }, 400, "INVALID_PAYLOAD"],
    ["a batch with one bad payload (refused whole)", { channel: "test-room.api", payloads: [{ n: 1, from: "a" }, { n: "x" }] }, 400, "INVALID_PAYLOAD"],
    ["params that do not fit the template", { channel: "test-room.", payload: { n: 1, from: "a" } }, 400, "INVALID_PARAMS"],
    ["a body that is not the publish shape", { channel: "test-room.api" }, 400, "INVALID_FRAME"],
    ["both payload and payloads", { channel: "test-room.api", payload: {}, payloads: [{}] }, 400, "INVALID_FRAME"],
    ["a batch over the limit", { channel: "test-room.api", payloads: Array.from({ length: 101 }, (_, n) => ({ n, from: "a" })) }, 400, "INVALID_FRAME"],
    ["text that is not JSON", "{not json", 400, "INVALID_FRAME"],
  ])("refuses %s with the wire's code and delivers nothing", async (_what, body, status, code) => {
    const before = alice.messages.length;
    const refused = await publish(body);
    expect(refused.status).toBe(status);
    expect(refused.body).toEqual({ ok: false, error: { code, message: expect.any(String) as string } });
    await publish({ channel: "test-room.api", payload: { n: -1, from: "marker" } });
    await waitFor(() => alice.messages.length > before, 10_000, "the marker message");
    expect(alice.messages.slice(before).map((message) => message.payload)).toEqual([{ n: -1, from: "marker" }]);
  });

  it("publishes as the source server-api:<key id>, one per key: the delivery counter says which key sent what", async () => {
    const keyId = (key: string) => `key-${createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8)}`;
    const deliveredBy = async (source: string): Promise<number> => {
      const metric = server.bound.metricsRegistry.getSingleMetric("realtime_messages_delivered_total");
      const { values } = (await metric?.get()) ?? { values: [] };
      return values.filter((v) => v.labels.source === source && v.labels.template === testRoomChannel.name).reduce((sum, v) => sum + v.value, 0);
    };
    const [mainBefore, rotatedBefore] = [await deliveredBy(`server-api:${keyId(KEY)}`), await deliveredBy(`server-api:${keyId(ROTATED_KEY)}`)];
    const before = alice.messages.length;
    await publish({ channel: "test-room.api", payloads: [30, 31].map((n) => ({ n, from: "main-key" })) });
    await publish({ channel: "test-room.api", payload: { n: 32, from: "rotated-key" } }, ROTATED_KEY);
    await waitFor(() => alice.messages.length === before + 3, 10_000, "three messages");
    expect(await deliveredBy(`server-api:${keyId(KEY)}`)).toBe(mainBefore + 2);
    expect(await deliveredBy(`server-api:${keyId(ROTATED_KEY)}`)).toBe(rotatedBefore + 1);
  });

  it("runs a replayed idempotency key once and answers the first outcome again", async () => {
    const before = alice.messages.length;
    const request = { channel: "test-room.api", payload: { n: 20, from: "retry" }, idempotencyKey: "order-42" };
    const first = await publish(request);
    const replayed = await publish(request);
    expect(first.status).toBe(200);
    expect(replayed).toEqual({ status: 200, body: { ...first.body, duplicate: true } });
    await publish({ channel: "test-room.api", payload: { n: -2, from: "marker" } });
    await waitFor(() => alice.messages.length >= before + 2, 10_000, "the marker message");
    expect(alice.messages.slice(before).map((message) => message.payload)).toEqual([{ n: 20, from: "retry" }, { n: -2, from: "marker" }]);
  });

  it("answers history, presence and occupied channels that match what the socket saw", async () => {
    const before = alice.messages.length;
    const start = await publish({ channel: "test-room.api", payload: { n: 30, from: "api" } });
    await publish({ channel: "test-room.api", payloads: [{ n: 31, from: "api" }, { n: 32, from: "api" }] });
    await waitFor(() => alice.messages.length === before + 3, 10_000, "three messages");
    const { seq, epoch } = start.body as { seq: number; epoch: string };
    const history = await call("GET", `${REALTIME_API_PATHS.history}?channel=test-room.api&since=${seq}&epoch=${epoch}`);
    expect(history).toEqual({ status: 200, body: { ok: true, recovered: true, seq: seq + 2, epoch, messages: alice.messages.slice(before + 1) } });
    const stale = await call("GET", `${REALTIME_API_PATHS.history}?channel=test-room.api&since=${seq}&epoch=another-epoch`);
    expect(stale.body).toMatchObject({ ok: true, recovered: false, messages: [] });
    expect((await call("GET", `${REALTIME_API_PATHS.history}?channel=test-room.api&since=-1`)).body).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });

    expect(await call("GET", `${REALTIME_API_PATHS.presence}?channel=test-room.api`)).toEqual({
      status: 200,
      body: { ok: true, channel: "test-room.api", members: [{ userId: aliceId, connections: 1, displayName: "alice" }] },
    });
    expect((await call("GET", `${REALTIME_API_PATHS.presence}?channel=nope.x`)).status).toBe(404);

    const channels = await call("GET", REALTIME_API_PATHS.channels);
    expect(channels.status).toBe(200);
    expect(channels.body.channels).toContainEqual({ channel: "test-room.api", subscribers: 1 });
  });
});
