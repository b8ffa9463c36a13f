import type { AuthorizationResult } from "../channels/authorize";
import { RealtimeError } from "../protocol/errors";
import { errorAck } from "./realtime-ack";
import type { RealtimeUser } from "../channels/realtime-user";
import { authorizeChannel } from "./socket-io-channel-access";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import { sessionRoom } from "../socket-io-server-types";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import { dropSubscription } from "./socket-io-subscription-gate";
import type { ErrorAck } from "../protocol/wire-protocol";

const CHANNEL_GONE: AuthorizationResult = Object.freeze({ ok: false, code: "FORBIDDEN", reason: "This channel no longer exists" });

function disconnectFor(ctx: SocketIOGateContext, socket: RealtimeIOSocket, reason: string): void {
  ctx.log.info({ socketId: socket.id, userId: socket.data.user?.userId ?? null, reason }, "realtime_socket_deauthenticated");
  socket.disconnect(true);
}

function isExpired(user: RealtimeUser, now: number): boolean {
  return user.expiresAt !== undefined && user.expiresAt <= now;
}

/**
 * Every frame's expiry check, between two credential sweeps: a frame from a
 * socket whose session has expired is refused `UNAUTHENTICATED`, and the
 * socket is disconnected right after the refusal is written. No I/O: the
 * expiry came with the user at gate 1. (A revocation needs the store, so it
 * is the sweep's and `reauthenticateUser`'s job.)
 *
 * @example
 * const expired = refuseExpiredSession(ctx, socket);
 * if (expired !== null) return ack(expired);
 */
export function refuseExpiredSession(ctx: SocketIOGateContext, socket: RealtimeIOSocket): ErrorAck | null {
  const user = socket.data.user;
  if (user === null || !isExpired(user, ctx.now())) return null;
  // After this frame's ack has been queued: a closing connection still flushes what it was given.
  setImmediate(() => {
    if (socket.connected) disconnectFor(ctx, socket, "session_expired");
  });
  return errorAck("UNAUTHENTICATED", "Your session has expired; sign in again");
}

async function moveSessionRoom(socket: RealtimeIOSocket, previous: RealtimeUser, next: RealtimeUser): Promise<void> {
  if (previous.sessionId === next.sessionId) return;
  if (previous.sessionId !== undefined) await socket.leave(sessionRoom(previous.sessionId));
  if (next.sessionId !== undefined) await socket.join(sessionRoom(next.sessionId));
}

/**
 * Gates 1 and 2 again for one live socket: re-run `authenticate` with the
 * credentials it connected with, disconnect it when they no longer hold (or
 * now belong to someone else), and drop each subscription the refreshed user
 * may no longer read, telling the client with `realtime:unsubscribed`.
 * Channel policies are asked afresh (the socket's cached verdicts are dropped).
 *
 * An unexpected authenticator failure (its store is down) keeps the socket,
 * and a policy that throws keeps that subscription: dropping every client on
 * a blip would turn an outage into a reconnect storm.
 * `expiresAt` is still enforced without asking the authenticator.
 *
 * @example
 * await reauthenticateSocket(ctx, socket);
 */
async function reauthenticateSocket(ctx: SocketIOGateContext, socket: RealtimeIOSocket): Promise<void> {
  const previous = socket.data.user;
  const state = ctx.socketState.get(socket);
  if (previous === null || state === undefined || !socket.connected) return;
  if (isExpired(previous, ctx.now())) return disconnectFor(ctx, socket, "session_expired");

  let user: RealtimeUser | null;
  try {
    user = await ctx.authenticator.authenticate(state.credentials);
  } catch (error) {
    if (error instanceof RealtimeError) return disconnectFor(ctx, socket, error.code);
    ctx.log.warn({ err: error, socketId: socket.id, userId: previous.userId }, "realtime_reauthenticate_failed");
    return;
  }
  if (!socket.connected) return;
  if (user === null || user.userId !== previous.userId) return disconnectFor(ctx, socket, "credentials_revoked");
  if (isExpired(user, ctx.now())) return disconnectFor(ctx, socket, "session_expired");

  socket.data.user = user;
  state.policyCache.clear();
  await moveSessionRoom(socket, previous, user);
  for (const channel of [...socket.data.subscriptions.keys()]) {
    const resolution = ctx.registry.resolve(channel);
    const verdict =
      resolution.kind === "match" ? await authorizeChannel(ctx, socket, { ...resolution, channel }, "read", { fresh: true }) : CHANNEL_GONE;
    // INTERNAL: the policy's store failed (logged by authorizeChannel); keep the subscription, as for the authenticator.
    if (!verdict.ok && verdict.code !== "INTERNAL") {
      await dropSubscription(ctx, socket, channel, { code: verdict.code, message: verdict.reason });
    }
  }
}

/** Sockets re-checked between two yields to the event loop during a sweep. */
const SWEEP_YIELD_EVERY = 256;

/** Re-checks many sockets, a few at a time, so a sweep never floods the session store. */
export async function reauthenticateSockets(
  ctx: SocketIOGateContext,
  sockets: readonly RealtimeIOSocket[],
  concurrency = 8,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sockets.length) {
      // An authenticator that answers from memory resolves without I/O: yield to the event loop
      // now and then, or a sweep over 10,000 sockets would stall every other socket meanwhile.
      if (next > 0 && next % SWEEP_YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const socket = sockets[next++];
      if (socket === undefined) return;
      try {
        await reauthenticateSocket(ctx, socket);
      } catch (error) {
        ctx.log.error({ err: error, socketId: socket.id }, "realtime_reauthenticate_crashed");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sockets.length) }, worker));
}
