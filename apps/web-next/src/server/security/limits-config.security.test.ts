import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRefused } from "../__tests__/realtime-test-client";
import { waitFor } from "../__tests__/test-server";
import { OPCODE, openRawWebSocket } from "./raw-websocket";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

describe("security: limits come from the app's environment (REALTIME_* variables)", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer({
      REALTIME_MAX_CONNECTIONS_PER_USER: "2",
      REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: "3",
      REALTIME_MAX_FRAME_BYTES: "4096",
      REALTIME_MAX_PAYLOAD_BYTES: "1024",
      REALTIME_SOCKET_BURST: "2",
      REALTIME_SOCKET_RATE_PER_SECOND: "0.5",
      REALTIME_HANDSHAKE_TIMEOUT_MS: "500",
    });
  });
  afterAll(async () => {
    await sec.close();
  });

  it("applies each configured limit with its documented refusal", async () => {
    const bob = await sec.signIn("bob");
    const first = await sec.connect({ token: bob.token });
    await sec.connect({ token: bob.token });
    expect(await connectRefused(sec.server.url, { token: bob.token })).toMatchObject({ code: "TOO_MANY_CONNECTIONS" });

    for (const room of ["a", "b", "c"]) expect(await first.subscribe(`sec.rooms.${room}`)).toMatchObject({ ok: true });
    expect(await first.subscribe("sec.rooms.d")).toMatchObject({ ok: false, error: { code: "TOO_MANY_SUBSCRIPTIONS" } });

    expect(await first.publish("sec.rooms.a", { text: "x".repeat(1_500) })).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    // Burst 2: the refused oversize publish spent one token, this one the other.
    expect(await first.publish("sec.rooms.a", { text: "ok" })).toMatchObject({ ok: true });
    expect(await first.publish("sec.rooms.a", { text: "ok" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });

    const ws = await openRawWebSocket(sec.server.url);
    await ws.waitForText((text) => text.startsWith("0{"));
    await waitFor(() => ws.isClosed(), 5_000, "handshake timeout of 500 ms");
    const big = await openRawWebSocket(sec.server.url);
    big.sendFrame({ opcode: OPCODE.text, payload: `4${"x".repeat(5_000)}` });
    await waitFor(() => big.isClosed(), 5_000, "frame over 4 KiB closed");
    expect(big.closeCode()).toBe(1009);
  });

  it("refuses to start with an invalid value, naming the variable", async () => {
    await expect(startSecurityServer({ REALTIME_MAX_FRAME_BYTES: "64k" })).rejects.toThrow(/REALTIME_MAX_FRAME_BYTES/);
  });
});
