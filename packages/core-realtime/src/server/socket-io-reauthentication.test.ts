import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { createTestRegistry } from "../__tests__/realtime-test-channels";
import { rawEmitWithAck, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { SocketIOTestServer } from "../__tests__/socket-io-harness";

describe("expired sessions between two credential sweeps", () => {
  let t: SocketIOTestServer;
  // The server's injected clock: the session expires when the test says, never because the machine was slow.
  const clock = { now: 1_000_000 };
  afterEach(async () => {
    await t.close();
  });

  const start = async (): Promise<void> => {
    // A sweep far away: only the per-frame check can catch the expiry.
    t = await startSocketIOTestServer({ registry: createTestRegistry().registry, now: () => clock.now, limits: { reauthIntervalMs: 600_000 } });
  };

  it("refuses every frame of an expired session with UNAUTHENTICATED, then disconnects it, without waiting for the sweep", async () => {
    await start();
    const expiresAt = clock.now + 300;
    t.authenticator.users.set("short", { userId: "carol", roles: [], expiresAt });
    t.authenticator.users.set("long", { userId: "dave", roles: [] });
    const carol = await t.connect({ token: "short" });
    const dave = await t.connect({ token: "long" });
    expect(await request(carol, "realtime:subscribe", { channel: "contract.members" })).toMatchObject({ ok: true });
    clock.now = expiresAt - 1;
    expect(await request(carol, "realtime:subscribe", { channel: "contract.feed" })).toMatchObject({ ok: true });
    clock.now = expiresAt; // expiresAt is the first instant the session is no longer valid
    const disconnected = new Promise<string>((resolve) => carol.once("disconnect", resolve));

    expect(await request(carol, "realtime:publish", { channel: "chat.members", payload: { text: "x" } })).toEqual({
      ok: false,
      error: { code: "UNAUTHENTICATED", message: "Your session has expired; sign in again" },
    });
    expect(await disconnected).toBe("io server disconnect");
    expect(t.logs.entries().some((entry) => entry.msg === "realtime_socket_deauthenticated" && entry.reason === "session_expired")).toBe(true);
    // Other users are untouched.
    expect(await request(dave, "realtime:subscribe", { channel: "contract.members" })).toMatchObject({ ok: true });
  });

  it("answers subscribe and unsubscribe of an expired session the same way", async () => {
    await start();
    const expiresAt = clock.now + 200;
    t.authenticator.users.set("short", { userId: "carol", roles: [], expiresAt });
    const carol = await t.connect({ token: "short" });
    clock.now = expiresAt + 10;
    const [subscribe, unsubscribe] = await Promise.all([
      request(carol, "realtime:subscribe", { channel: "contract.feed" }),
      rawEmitWithAck(carol, "realtime:unsubscribe", { channel: "contract.feed" }),
    ]);
    expect(subscribe).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(unsubscribe).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await waitUntil(() => !carol.connected);
  });

  it("refuses a connection whose session has already expired by the server's clock", async () => {
    await start();
    t.authenticator.users.set("stale", { userId: "carol", roles: [], expiresAt: clock.now });
    expect(await t.connectRefused({ token: "stale" })).toEqual({ code: "UNAUTHENTICATED", message: "Your session has expired; sign in again" });
  });
});
