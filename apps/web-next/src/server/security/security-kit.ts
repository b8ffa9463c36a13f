import { withBroadcastSource } from "@repo/core-realtime/server";
import type { BroadcastSource, IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { randomUUID } from "node:crypto";
import { AuthSymbols } from "@repo/auth";
import type { ChangeUserRoles, ISessionStore } from "@repo/auth";
import { defineRealtimeChannel } from "@repo/core-realtime";
import { notificationsChannel } from "@repo/notifications";
import { z } from "zod";
import { connectSocket } from "../__tests__/realtime-test-client";
import type { RecordingSocket, TestSocketOptions } from "../__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "../__tests__/test-server";
import type { SignedIn, TestServer } from "../__tests__/test-server";

/**
 * What the security suite runs against: the real app server (startServer, the
 * seeded alice/bob, the real auth feature and its session store) plus a few
 * channels that cover every scope kind, registered on the app's own registry
 * the way a feature's bind file would.
 */

const ZSentinel = z.object({ sentinel: z.string() });
const ZCommand = z.strictObject({ text: z.string().max(200) });

export const securityChannels = {
  public: defineRealtimeChannel({ name: "sec.public", scope: "public", schema: ZSentinel }),
  members: defineRealtimeChannel({ name: "sec.members", scope: "authenticated", schema: ZSentinel }),
  admins: defineRealtimeChannel({ name: "sec.admins", scope: { role: "admin" }, schema: ZSentinel, inbound: ZCommand }),
  inbox: defineRealtimeChannel({ name: "sec.inbox.{userId}", scope: { userScoped: "userId" }, schema: ZSentinel, inbound: ZCommand }),
  rooms: defineRealtimeChannel({ name: "sec.rooms.{roomId}", scope: "public", schema: ZSentinel, inbound: ZCommand }),
  crash: defineRealtimeChannel({ name: "sec.crash", scope: "public", schema: ZSentinel, inbound: z.object({}) }),
} as const;

/** What a leaked internal error would look like; no ack may ever contain it. */
export const INTERNAL_SECRET = "db-password=hunter2 at /srv/app/secret.ts:42";

interface HandlerCall {
  readonly channel: string;
  readonly userId: string | null;
  readonly payload: unknown;
}

export interface SecurityServer {
  readonly server: TestServer;
  /** Every inbound handler invocation on the sec.* channels, in order. */
  readonly calls: HandlerCall[];
  /** The server's broadcaster bound to the allowed source `use-case:test.security-sentinel`. */
  readonly broadcaster: IRealtimeBroadcaster;
  signIn(user: "alice" | "bob"): Promise<SignedIn>;
  connect(options?: TestSocketOptions): Promise<RecordingSocket>;
  changeRoles(userId: string, roles: readonly string[]): Promise<void>;
  /** Deletes a session straight from the store: a revocation that bypasses logout. */
  revokeInStore(token: string): Promise<void>;
  /** Broadcasts a unique sentinel on a sec.* channel (or a user's notifications) and returns it. */
  broadcastSentinel(channel: "public" | "members" | "admins", params?: Record<string, never>): Promise<string>;
  broadcastInboxSentinel(userId: string): Promise<string>;
  broadcastNotificationSentinel(userId: string): Promise<string>;
  close(): Promise<void>;
}

const PASSWORDS = { alice: "alice-password", bob: "bob-password" } as const;

/** Allowed at start: binding seals the allowlist, so a source asked for afterwards would be refused. */
const SENTINEL_SOURCE: BroadcastSource = { kind: "use-case", name: "test.security-sentinel" };

/**
 * Starts the app server with the security channels registered.
 *
 * @example
 * const sec = await startSecurityServer();
 * const bob = await sec.connect({ token: (await sec.signIn("bob")).token });
 */
export async function startSecurityServer(overrides: Record<string, string> = {}): Promise<SecurityServer> {
  const server = await startTestServer(overrides, false, { extraBroadcastSources: [SENTINEL_SOURCE] });
  const registry = server.bound.realtime.realtimeRegistry;
  const calls: HandlerCall[] = [];
  const record = (channel: string) => (payload: unknown, ctx: { readonly userId: string | null; readonly channel: string }) => {
    calls.push({ channel: ctx.channel, userId: ctx.userId, payload });
    return { handled: channel };
  };
  registry.registerChannel(securityChannels.public);
  registry.registerChannel(securityChannels.members);
  registry.register(securityChannels.admins, record("admins"));
  registry.register(securityChannels.inbox, record("inbox"));
  registry.register(securityChannels.rooms, record("rooms"));
  registry.register(securityChannels.crash, () => {
    throw new Error(INTERNAL_SECRET);
  });
  const auth = server.bound.features.auth.container;
  // The app never loses its last admin (LAST_ADMIN): a spare one lets tests take alice's role away.
  await auth.get(AuthSymbols.createUser)({ id: "sec-spare-admin", username: "sec-spare-admin", password: randomUUID(), roles: ["admin"] });
  const raw = server.realtimeServer.broadcaster;
  // The sentinels are server code: they speak as an allowed test source, as a use case would.
  const broadcaster = withBroadcastSource(raw, raw.sources.allow(SENTINEL_SOURCE));
  // Open sockets only: a soak test opens thousands, and holding closed ones would be the test's own leak.
  const sockets = new Set<RecordingSocket>();

  return {
    /** Server-side broadcasts for tests, as an allowed source (the raw broadcaster refuses unsourced calls). */
    broadcaster,
    server,
    calls,
    signIn: (user) => signIn(server.url, user, PASSWORDS[user]),
    connect: async (options) => {
      const socket = await connectSocket(server.url, options);
      sockets.add(socket);
      socket.socket.once("disconnect", () => sockets.delete(socket));
      return socket;
    },
    changeRoles: async (userId, roles) => {
      const changeUserRoles: ChangeUserRoles = auth.get(AuthSymbols.changeUserRoles);
      await changeUserRoles({ userId, roles });
    },
    revokeInStore: async (token) => {
      const store: ISessionStore = auth.get(AuthSymbols.sessionStore);
      await store.delete(token.split(".")[0] ?? "");
    },
    broadcastSentinel: async (channel) => {
      const sentinel = `sentinel-${randomUUID()}`;
      await broadcaster.broadcast(securityChannels[channel], {}, { sentinel });
      return sentinel;
    },
    broadcastInboxSentinel: async (userId) => {
      const sentinel = `sentinel-${randomUUID()}`;
      await broadcaster.broadcast(securityChannels.inbox, { userId }, { sentinel });
      return sentinel;
    },
    broadcastNotificationSentinel: async (userId) => {
      const sentinel = `sentinel-${randomUUID()}`;
      await broadcaster.broadcast(notificationsChannel, { userId }, { kind: "read", ids: [sentinel], unreadCount: 0 });
      return sentinel;
    },
    close: async () => {
      sockets.forEach((socket) => socket.close());
      await server.shutdown("security test done");
    },
  };
}

/**
 * Every engine.io packet a client receives from now on, as raw text: what
 * crossed the wire, whether or not a listener would have surfaced it.
 */
export function tapWire(client: RecordingSocket): string[] {
  const wire: string[] = [];
  client.socket.io.engine.on("packet", (packet: { data?: unknown }) => wire.push(String(packet.data)));
  return wire;
}

/**
 * Waits until `control` (a subscriber that may read) has the sentinel, then
 * gives a wrongly addressed copy time to arrive, and returns which of the
 * `suspects` received it anyway (expect `[]`).
 */
export async function leakedTo(
  sentinel: string,
  control: readonly string[],
  suspects: Readonly<Record<string, readonly string[]>>,
): Promise<string[]> {
  await waitFor(() => control.some((data) => data.includes(sentinel)), 5_000, `control received ${sentinel}`);
  // The broadcast wrote to every room member in one pass; this covers the network hop.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return Object.entries(suspects)
    .filter(([, wire]) => wire.some((data) => data.includes(sentinel)))
    .map(([name]) => name);
}

/** A forged token: alice's session id with a made-up signature. */
export function forgeToken(realToken: string): string {
  return `${realToken.split(".")[0] ?? ""}.${"A".repeat(43)}`;
}
