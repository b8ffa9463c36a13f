import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import type { ClientToServerEvents, ForcedUnsubscribe, ServerToClientEvents } from "@repo/core-realtime";
import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../__tests__/test-server";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

type ReconnectingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client that reconnects (and asks for recovery) like the SDK does, with a wire tap across every transport it opens. */
function reconnectingClient(url: string, token: string): { socket: ReconnectingSocket; wire: string[] } {
  const socket: ReconnectingSocket = io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    auth: { version: REALTIME_PROTOCOL_VERSION, token },
  });
  const wire: string[] = [];
  const tap = (): void => {
    socket.io.engine.on("packet", (packet: { data?: unknown }) => wire.push(String(packet.data)));
  };
  socket.io.on("open", tap);
  return { socket, wire };
}

/**
 * Access taken away while a client was disconnected must hold across its
 * reconnect, whether the server recovers the session (connection-state
 * recovery: rooms and missed packets) or the client starts afresh.
 */
describe("security: access lost while disconnected stays lost after reconnect or recovery (real app server)", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer();
  });
  afterAll(async () => {
    await sec.close();
  });

  it("a user demoted while away gets back only what they may still read; nothing missed on the lost channel crosses the wire", async () => {
    const session = await sec.signIn("alice");
    const { socket, wire } = reconnectingClient(sec.server.url, session.token);
    const notices: ForcedUnsubscribe[] = [];
    socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    try {
      await waitFor(() => socket.connected, 5_000, "connected");
      for (const channel of ["sec.admins", "sec.public"]) {
        expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel })).toMatchObject({ ok: true });
      }
      // Socket.IO recovers from the offset of the last broadcast the client saw.
      const seen = await sec.broadcastSentinel("admins");
      await waitFor(() => wire.some((data) => data.includes(seen)), 5_000, "first broadcast seen");

      socket.io.engine.close(); // a network drop
      await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 0, 5_000, "server saw the drop");
      await sec.changeRoles("alice", []);
      const missedSecret = await sec.broadcastSentinel("admins");
      const missedPublic = await sec.broadcastSentinel("public");
      await waitFor(() => socket.connected, 10_000, "reconnected");

      const recovered = socket.recovered;
      if (recovered) {
        // Recovery kept the public channel (and replayed what it missed) and told the client about the lost one.
        await waitFor(() => notices.length === 1 && wire.some((data) => data.includes(missedPublic)), 5_000, "recovery finished");
        expect(notices[0]).toMatchObject({ channel: "sec.admins", error: { code: "FORBIDDEN" } });
      }
      expect(wire.filter((data) => data.includes(missedSecret))).toEqual([]);
      expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel: "sec.admins" })).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
      const later = await sec.broadcastSentinel("admins");
      const control = await sec.broadcastSentinel("public");
      if (!recovered) expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel: "sec.public" })).toMatchObject({ ok: true });
      await waitFor(() => !recovered || wire.some((data) => data.includes(control)), 5_000, "public still delivered");
      expect(wire.filter((data) => data.includes(later) || data.includes(missedSecret))).toEqual([]);
      console.info(`reconnect after demotion: ${recovered ? "session recovered" : "fresh connection (recovery not enabled)"}`);
    } finally {
      socket.disconnect();
      await sec.changeRoles("alice", ["admin"]);
    }
  });

  it("a session signed out while away is refused on reconnect and receives nothing it missed", async () => {
    const session = await sec.signIn("alice");
    const { socket, wire } = reconnectingClient(sec.server.url, session.token);
    try {
      await waitFor(() => socket.connected, 5_000, "connected");
      expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel: "sec.admins" })).toMatchObject({ ok: true });
      const seen = await sec.broadcastSentinel("admins");
      await waitFor(() => wire.some((data) => data.includes(seen)), 5_000, "first broadcast seen");
      const refused = new Promise<Error & { data?: unknown }>((resolve) => socket.once("connect_error", resolve));

      socket.io.engine.close();
      await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 0, 5_000, "server saw the drop");
      await sec.revokeInStore(session.token);
      const missed = await sec.broadcastSentinel("admins");

      expect((await refused).data).toMatchObject({ code: "UNAUTHENTICATED" });
      expect(wire.filter((data) => data.includes(missed))).toEqual([]);
      expect(socket.connected).toBe(false);
    } finally {
      socket.disconnect();
    }
  });
});
