import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../__tests__/test-server";
import { OPCODE, connectPacket, handshakeAuth, openRawWebSocket } from "./raw-websocket";
import type { RawWebSocket } from "./raw-websocket";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/** A Socket.IO event packet with an ack id, as text on the wire. */
const event = (ackId: number, ...args: unknown[]): string => `42${ackId}${JSON.stringify(args)}`;
const PROBE = event(77, "realtime:subscribe", { channel: "sec.public" });

type Expected =
  /** The server closes the WebSocket (with this close code when given). */
  | { readonly closed: true; readonly code?: number }
  /** The frame is answered or ignored, and the connection keeps serving (the probe is acked). */
  | { readonly served: true; readonly reply?: string };

/**
 * Malformed input below the gates: WebSocket framing, engine.io packets and
 * Socket.IO packets a library would never send, each on its own connection.
 */
describe("security: raw engine.io / WebSocket frames against the real app server", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer();
  });
  afterAll(async () => {
    await sec.close();
  });

  const openConnected = async (auth = handshakeAuth()): Promise<RawWebSocket> => {
    const ws = await openRawWebSocket(sec.server.url);
    await ws.waitForText((text) => text.startsWith("0{"));
    ws.sendText(connectPacket(auth));
    await ws.waitForText((text) => text.startsWith("40") || text.startsWith("44"));
    return ws;
  };

  const cases: readonly [string, (ws: RawWebSocket) => void, Expected][] = [
    // WebSocket framing (RFC 6455), enforced by ws before engine.io sees anything.
    ["an unmasked client frame", (ws) => ws.sendFrame({ opcode: OPCODE.text, payload: PROBE, mask: false }), { closed: true, code: 1002 }],
    ["reserved bits set", (ws) => ws.sendFrame({ opcode: OPCODE.text, payload: PROBE, rsv: 4 }), { closed: true, code: 1002 }],
    ["a reserved opcode", (ws) => ws.sendFrame({ opcode: 0x3, payload: "x" }), { closed: true, code: 1002 }],
    ["invalid UTF-8 in a text frame", (ws) => ws.sendFrame({ opcode: OPCODE.text, payload: Buffer.from([0x34, 0x32, 0xc3, 0x28]) }), { closed: true, code: 1007 }],
    ["a fragmented control frame", (ws) => ws.sendFrame({ opcode: OPCODE.ping, payload: "x", fin: false }), { closed: true, code: 1002 }],
    ["a continuation with nothing to continue", (ws) => ws.sendFrame({ opcode: OPCODE.continuation, payload: "x" }), { closed: true, code: 1002 }],
    [
      "a header claiming a 2^63-byte payload",
      (ws) => ws.sendRaw(Buffer.from([0x81, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4])),
      { closed: true, code: 1009 },
    ],
    [
      "a frame over maxFrameBytes (64 KiB)",
      (ws) => ws.sendText(`42${JSON.stringify(["realtime:publish", { channel: "sec.rooms.big", payload: { text: "x".repeat(70_000) } }])}`),
      { closed: true, code: 1009 },
    ],
    ["plain HTTP bytes inside the WebSocket", (ws) => ws.sendRaw(Buffer.from("GET / HTTP/1.1\r\n\r\n")), { closed: true, code: 1002 }],
    // engine.io packets.
    ["an unknown engine.io packet type", (ws) => ws.sendText("9"), { closed: true }],
    ["an engine.io noop", (ws) => ws.sendText("6"), { served: true }],
    ["an engine.io upgrade on an upgraded transport", (ws) => ws.sendText("5"), { served: true }],
    ["raw binary that follows no placeholder", (ws) => ws.sendFrame({ opcode: OPCODE.binary, payload: Buffer.from([0xff, 0, 1]) }), { closed: true }],
    // Socket.IO packets.
    ["an event with no payload", (ws) => ws.sendText("42"), { served: true }],
    ["truncated JSON", (ws) => ws.sendText("42["), { closed: true }],
    ["an event that is an object", (ws) => ws.sendText("42{}"), { closed: true }],
    ["a non-string event name", (ws) => ws.sendText("42[123]"), { served: true }],
    ["an unknown Socket.IO packet type", (ws) => ws.sendText("49"), { closed: true }],
    ["a garbage Socket.IO packet", (ws) => ws.sendText("4x"), { closed: true }],
    ["a second CONNECT on the same namespace", (ws) => ws.sendText("40"), { closed: true }],
    ["a CONNECT to an unknown namespace", (ws) => ws.sendText("40/admin,"), { served: true, reply: '44/admin,{"message":"Invalid namespace"}' }],
    ["an ack the server never asked for", (ws) => ws.sendText('431[{"ok":true}]'), { served: true }],
    [
      "a binary placeholder whose attachment never comes",
      (ws) => {
        ws.sendText('451-["realtime:publish",{"_placeholder":true,"num":0}]');
        ws.sendText(PROBE);
      },
      { closed: true },
    ],
    // socket.io-parser caps attachments per packet at 10: a reassembly buffer cannot grow without bound.
    ["a packet announcing 11 binary attachments", (ws) => ws.sendText('4511-["realtime:publish",{"_placeholder":true,"num":0}]'), { closed: true }],
    [
      "a subscribe with a frame but the ack in the wrong place",
      (ws) => ws.sendText(event(1, "realtime:subscribe")),
      { served: true, reply: '431[{"ok":false,"error":{"code":"INVALID_FRAME"' },
    ],
    [
      "extra arguments",
      (ws) => ws.sendText(event(2, "realtime:publish", { channel: "sec.rooms.r", payload: { text: "x" } }, { admin: true })),
      { served: true, reply: '432[{"ok":false,"error":{"code":"INVALID_FRAME"' },
    ],
    ["an unknown event", (ws) => ws.sendText(event(3, "admin:shutdown")), { served: true, reply: '433[{"ok":false,"error":{"code":"INVALID_FRAME"' }],
    ["a reserved event name", (ws) => ws.sendText(event(4, "connect_error", {})), { closed: true }],
    ["an absurd ack id", (ws) => ws.sendText(event(99_999_999_999, "realtime:subscribe", { channel: "sec.admins" })), { served: true }],
  ];

  it.each(cases)("%s", async (_name, act, expected) => {
    const before = sec.calls.length;
    const ws = await openConnected();
    act(ws);
    if ("closed" in expected) {
      await waitFor(() => ws.isClosed(), 5_000, "server closed the connection");
      if (expected.code !== undefined) expect(ws.closeCode()).toBe(expected.code);
    } else {
      if (expected.reply !== undefined) await ws.waitForText((text) => text.startsWith(expected.reply ?? ""));
      ws.sendText(PROBE);
      await ws.waitForText((text) => text.startsWith("4377["));
      expect(ws.isClosed()).toBe(false);
    }
    // Nothing below the gates may reach a handler or deliver anything but acks.
    expect(sec.calls.length).toBe(before);
    expect(ws.texts.filter((text) => text.startsWith('42["realtime:message"'))).toEqual([]);
    ws.destroy();
  });

  it.each([
    ["a non-string token", '{"token":123}', "INVALID_FRAME"],
    ["an oversized token", JSON.stringify({ token: "a".repeat(5_000) }), "INVALID_FRAME"],
    ["a forged token", handshakeAuth({ token: "c2Vzc2lvbg.AAAA" }), "UNAUTHENTICATED"],
    ["an incompatible protocol version", JSON.stringify({ version: "99.0.0" }), "VERSION_MISMATCH"],
    ["no protocol version", JSON.stringify({ token: "c2Vzc2lvbg.AAAA" }), "VERSION_MISMATCH"],
    ["no auth at all", "", "VERSION_MISMATCH"],
  ])("refuses a CONNECT with %s (%s) with connect_error %s", async (_what, auth, code) => {
    const ws = await openConnected(auth);
    const refusal = await ws.waitForText((text) => text.startsWith("44"));
    expect(JSON.parse(refusal.slice(2))).toMatchObject({ data: { code } });
    // Refused: events on the namespace are not served.
    ws.sendText(PROBE);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ws.texts.some((text) => text.startsWith("4377["))).toBe(false);
    ws.destroy();
  });

  it("closes a connection that never sends Socket.IO CONNECT once the handshake timeout passes", async () => {
    const ws = await openRawWebSocket(sec.server.url);
    await ws.waitForText((text) => text.startsWith("0{"));
    // Default handshake timeout: 10 s (REALTIME_HANDSHAKE_TIMEOUT_MS).
    await waitFor(() => ws.isClosed(), 25_000, "idle handshake closed");
    ws.destroy();
  }, 40_000);

  describe("HTTP long-polling transport", () => {
    const polling = (query: string, init?: RequestInit): Promise<Response> =>
      fetch(`${sec.server.url}/socket.io/?EIO=4&transport=polling${query}`, init);

    it("refuses an unknown session id, an old protocol and an unknown transport with 400", async () => {
      expect((await polling("&sid=not-a-session")).status).toBe(400);
      expect((await fetch(`${sec.server.url}/socket.io/?EIO=3&transport=polling`)).status).toBe(400);
      expect((await fetch(`${sec.server.url}/socket.io/?EIO=4&transport=carrier-pigeon`)).status).toBe(400);
    });

    it("answers an oversized POST with 413 and a malformed one by closing that session only", async () => {
      const open = async (): Promise<string> => {
        const body = await (await polling("")).text();
        return (JSON.parse(body.slice(1)) as { sid: string }).sid;
      };
      const big = await open();
      const tooLarge = await polling(`&sid=${big}`, { method: "POST", body: `4${"x".repeat(200_000)}` });
      expect(tooLarge.status).toBe(413);

      const garbage = await open();
      const malformed = await polling(`&sid=${garbage}`, { method: "POST", body: "\u001e\u001e9zz" });
      expect([200, 400]).toContain(malformed.status);
      // The polling session is gone (or answers a close), the server keeps serving everyone else.
      const after = await polling(`&sid=${garbage}`);
      expect(after.status === 400 || (await after.text()).startsWith("1")).toBe(true);
      const client = await sec.connect();
      expect(await client.subscribe("sec.public")).toMatchObject({ ok: true });
      client.close();
    });
  });

  it("still serves a normal client after all of the above", async () => {
    const bob = await sec.connect({ token: (await sec.signIn("bob")).token });
    expect(await bob.subscribe("sec.inbox.bob")).toMatchObject({ ok: true });
    expect(await bob.publish("sec.inbox.bob", { text: "hello" })).toEqual({ ok: true, result: { handled: "inbox" } });
    bob.close();
  });
});
