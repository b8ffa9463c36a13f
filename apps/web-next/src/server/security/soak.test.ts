import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordingSocket } from "../__tests__/realtime-test-client";
import { waitFor } from "../__tests__/test-server";
import type { SignedIn } from "../__tests__/test-server";
import { settledHeapUsed, snapshotResources, trackLiveResources } from "./leak-probe";
import type { ResourceSnapshot } from "./leak-probe";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Churn (connect, subscribe, publish, receive, disconnect in every way a
 * client can) and check that sockets, rooms, timers and listeners come back
 * to where they started. Quick by default (a few hundred sockets); `SOAK=1`
 * runs thousands for SOAK_SECONDS (default 180).
 */
const SOAK = process.env.SOAK === "1";
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const WAVE_SIZE = SOAK ? 500 : 100;
const QUICK_WAVES = 3;
/** A signed-in user may hold 20 connections (the default cap); each wave stays under it per user. */
const SIGNED_IN_PER_WAVE = 15;
const HEAP_GROWTH_BOUND_BYTES = (SOAK ? 48 : 24) * 1024 * 1024;

type Leaving = "client-disconnect" | "transport-drop" | "server-logout";

describe(`security: soak, ${SOAK ? `thousands of sockets for ${SOAK_SECONDS} s (SOAK=1)` : "quick variant (SOAK=1 for the long run)"}`, () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer({ REALTIME_MAX_ANONYMOUS_CONNECTIONS_PER_ADDRESS: String(WAVE_SIZE * 2) });
  });
  afterAll(async () => {
    await sec.close();
  });

  async function sumOfSubscriptionsGauge(): Promise<number> {
    const text = await (await fetch(`${sec.server.url}/metrics`)).text();
    return [...text.matchAll(/^realtime_subscriptions\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  }

  /** One wave: connect, subscribe, publish, receive a broadcast, then leave. Returns how many sockets it used. */
  async function wave(index: number, sessions: { alice: SignedIn[]; bob: SignedIn[] }, whileConnected = (): void => undefined): Promise<number> {
    const sockets: { client: RecordingSocket; leaving: Leaving; userId: string | null }[] = [];
    const connecting = Array.from({ length: WAVE_SIZE }, async (_, i) => {
      const who = i < SIGNED_IN_PER_WAVE ? "alice" : i < 2 * SIGNED_IN_PER_WAVE ? "bob" : null;
      const session = who === null ? undefined : sessions[who][i % 3];
      const client = await sec.connect(session === undefined ? {} : i % 2 === 0 ? { token: session.token } : { cookie: session.cookie });
      const leaving: Leaving = i % 7 === 0 ? "transport-drop" : "client-disconnect";
      sockets.push({ client, leaving, userId: who });
    });
    await Promise.all(connecting);
    await Promise.all(
      sockets.map(async ({ client, userId }, i) => {
        const channels = ["sec.public", `sec.rooms.w${index}-${i % 10}`, ...(userId === null ? [] : [`sec.inbox.${userId}`, `notifications.user.${userId}`])];
        for (const channel of channels) expect(await client.subscribe(channel)).toMatchObject({ ok: true });
        if (i % 5 === 0) expect(await client.publish(`sec.rooms.w${index}-${i % 10}`, { text: "hi" })).toMatchObject({ ok: true });
      }),
    );
    const sentinel = await sec.broadcastSentinel("public");
    await waitFor(
      () => sockets.every(({ client }) => client.messages.some((message) => JSON.stringify(message.payload).includes(sentinel))),
      15_000,
      "every socket of the wave received the broadcast",
    );
    whileConnected();
    for (const { client, leaving } of sockets) {
      if (leaving === "transport-drop") client.socket.io.engine.close();
      else client.close();
    }
    await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 0, 15_000, "wave disconnected");
    return sockets.length;
  }

  /** Every session of a wave's signed-in users is signed out through the real route (server-side disconnects). */
  async function signInSessions(): Promise<{ alice: SignedIn[]; bob: SignedIn[] }> {
    const sign = (user: "alice" | "bob") => Promise.all([sec.signIn(user), sec.signIn(user), sec.signIn(user)]);
    const [alice, bob] = await Promise.all([sign("alice"), sign("bob")]);
    return { alice, bob };
  }

  async function signOut(sessions: { alice: SignedIn[]; bob: SignedIn[] }): Promise<void> {
    for (const session of [...sessions.alice, ...sessions.bob]) {
      await fetch(`${sec.server.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${session.token}` } });
    }
  }

  /** A wave whose signed-in sockets are ended by the server (logout) instead of by the client. */
  async function logoutWave(): Promise<number> {
    const sessions = await signInSessions();
    const clients = await Promise.all(
      [...sessions.alice, ...sessions.bob].flatMap((session) => [sec.connect({ token: session.token }), sec.connect({ cookie: session.cookie })]),
    );
    for (const client of clients) expect(await client.subscribe("sec.members")).toMatchObject({ ok: true });
    await signOut(sessions);
    await waitFor(() => clients.every((client) => !client.socket.connected), 10_000, "logout disconnected every session socket");
    await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 0, 10_000, "server released them");
    return clients.length;
  }

  async function settledSnapshot(baseline?: ResourceSnapshot): Promise<ResourceSnapshot> {
    // Keep-alive HTTP sockets of the test's own fetch calls close on their own: wait for them, not for a fixed time.
    if (baseline !== undefined) {
      await waitFor(() => sec.server.realtimeServer.diagnostics().engineConnections === 0, 15_000, "engine connections closed");
      const deadline = Date.now() + 15_000;
      let snapshot = await snapshotResources(sec.server.httpServer, sec.server.realtimeServer);
      while (snapshot.tcpConnections > baseline.tcpConnections && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        snapshot = await snapshotResources(sec.server.httpServer, sec.server.realtimeServer);
      }
      return snapshot;
    }
    return snapshotResources(sec.server.httpServer, sec.server.realtimeServer);
  }

  it(
    "returns sockets, rooms, subscriptions, timers, listeners and heap to baseline",
    async () => {
      const tracker = trackLiveResources();
      // Warm-up wave: lazily created state (schemas, buckets, pools) is not a leak.
      const warm = await signInSessions();
      await wave(0, warm);
      await signOut(warm);
      // Captured log lines are the test's memory, not the server's.
      sec.server.logs.clear();
      const baselineHeap = await settledHeapUsed();
      const baseline = await settledSnapshot();
      const liveBefore = tracker.live();
      expect(baseline.realtime).toMatchObject({ sockets: 0, engineConnections: 0, usersWithConnections: 0, inFlightHandlers: 0, heldRecoveries: 0 });

      let used = 0;
      let peakTimers = 0;
      let waves = 0;
      const deadline = Date.now() + SOAK_SECONDS * 1_000;
      while (SOAK ? Date.now() < deadline : waves < QUICK_WAVES) {
        waves++;
        const sessions = await signInSessions();
        used += await wave(waves, sessions, () => {
          peakTimers = Math.max(peakTimers, tracker.live().Timeout ?? 0);
        });
        await signOut(sessions);
        if (waves % 3 === 0) used += await logoutWave();
      }
      used += await logoutWave();

      const after = await settledSnapshot(baseline);
      sec.server.logs.clear();
      const heap = await settledHeapUsed();
      // Timers fire or get cleared: give pending ones (heartbeats of closed sockets, keep-alive) their turn.
      await waitFor(() => (tracker.live().Timeout ?? 0) <= (liveBefore.Timeout ?? 0) + 3, 20_000, "timers back to baseline").catch(() => undefined);
      const liveAfter = tracker.live();
      tracker.stop();
      console.info(
        `soak: ${used} sockets in ${waves} waves; rooms ${baseline.realtime.rooms} -> ${after.realtime.rooms}; ` +
          `live timers ${liveBefore.Timeout ?? 0} -> ${liveAfter.Timeout ?? 0} (peak with a wave connected: ${peakTimers}); ` +
          `TCP ${liveBefore.TCPWRAP ?? 0} -> ${liveAfter.TCPWRAP ?? 0}; heap ${(baselineHeap / 1e6).toFixed(1)} -> ${(heap / 1e6).toFixed(1)} MB`,
      );
      expect(used).toBeGreaterThanOrEqual(SOAK ? 2_000 : 300);
      // The probe sees per-socket timers (each connection has a heartbeat timer on both ends)...
      expect(peakTimers).toBeGreaterThan(WAVE_SIZE);
      expect(after.realtime).toEqual(baseline.realtime);
      expect(await sumOfSubscriptionsGauge()).toBe(0);
      expect(after.listeners).toEqual(baseline.listeners);
      expect(after.tcpConnections).toBeLessThanOrEqual(baseline.tcpConnections);
      // Per-socket timers (heartbeats, handshake timeouts) would add hundreds; allow the test's own stragglers.
      expect(liveAfter.Timeout ?? 0).toBeLessThanOrEqual((liveBefore.Timeout ?? 0) + 3);
      expect(liveAfter.TCPWRAP ?? 0).toBeLessThanOrEqual(liveBefore.TCPWRAP ?? 0);
      expect(after.handles.TCPSocketWrap ?? 0).toBeLessThanOrEqual(baseline.handles.TCPSocketWrap ?? 0);
      expect(heap - baselineHeap).toBeLessThan(HEAP_GROWTH_BOUND_BYTES);
    },
    (SOAK ? SOAK_SECONDS + 180 : 90) * 1_000,
  );
});
