import type { ExtendedError } from "socket.io";
import { RealtimeError } from "./protocol/errors";
import type { RealtimeErrorBody, RealtimeErrorCode } from "./protocol/errors";
import type { RealtimeCredentials } from "./server/realtime-authenticator";
import { ChannelPolicyCache } from "./server/channel-policy-cache";
import { clientAddressKey } from "./server/client-address";
import { isOriginAllowed } from "./server/origin-policy";
import type { RealtimeUser } from "./channels/realtime-user";
import type { SocketIOGateContext } from "./server/socket-io-gate-context";
import type { RealtimeIOSocket } from "./socket-io-server-types";
import { TokenBucket } from "./rate-limits/token-bucket";
import { ZHandshakeAuth, isCompatibleProtocolVersion } from "./protocol/wire-protocol";

type Admission = { readonly ok: true } | { readonly ok: false; readonly error: RealtimeErrorBody };

const ADMITTED: Admission = Object.freeze({ ok: true });

/** Channel-policy verdicts one socket keeps at most (a socket naming more evicts its own oldest). */
const POLICY_CACHE_ENTRIES = 256;

function refused(code: RealtimeErrorCode, message: string): Admission {
  return { ok: false, error: { code, message } };
}

function credentialsOf(socket: RealtimeIOSocket, token: string | undefined): RealtimeCredentials {
  const cookieHeader = socket.handshake.headers.cookie;
  return {
    ...(cookieHeader === undefined || cookieHeader === "" ? {} : { cookieHeader }),
    ...(token === undefined || token === "" ? {} : { token }),
  };
}

async function authenticate(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  credentials: RealtimeCredentials,
): Promise<{ readonly user: RealtimeUser | null } | Admission> {
  try {
    return { user: await ctx.authenticator.authenticate(credentials) };
  } catch (error) {
    if (error instanceof RealtimeError) return { ok: false, error: error.toBody() };
    ctx.log.error({ err: error, socketId: socket.id }, "realtime_authenticate_failed");
    return refused("INTERNAL", "Internal error");
  }
}

async function admit(ctx: SocketIOGateContext, socket: RealtimeIOSocket): Promise<Admission> {
  const { origin, host } = socket.handshake.headers;
  const forwarded = socket.handshake.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  const scheme = socket.handshake.secure || proto === "https" ? "https" : "http";
  if (!isOriginAllowed(origin, host, ctx.allowedOrigins, scheme)) {
    return refused("FORBIDDEN", "This origin may not open realtime connections");
  }
  const auth = ZHandshakeAuth.safeParse(socket.handshake.auth);
  if (!auth.success) return refused("INVALID_FRAME", "Invalid handshake auth: expected { version?: string, token?: string }");
  const { version, token } = auth.data;
  // No version is as stale as a wrong one: an old bundle or a hand-written client must reload or update.
  if (version === undefined || !isCompatibleProtocolVersion(version, ctx.protocolVersion)) {
    return refused(
      "VERSION_MISMATCH",
      `Client protocol ${version ?? "(none)"} is not compatible with server protocol ${ctx.protocolVersion}; reload the page to update`,
    );
  }

  const credentials = credentialsOf(socket, token);
  const outcome = await authenticate(ctx, socket, credentials);
  if ("ok" in outcome) return outcome;
  const user = outcome.user;
  if (user?.expiresAt !== undefined && user.expiresAt <= ctx.now()) {
    return refused("UNAUTHENTICATED", "Your session has expired; sign in again");
  }
  // The connection may have gone while authenticate() ran; reserving now would leak the slot.
  if (socket.conn.readyState !== "open") return refused("INTERNAL", "Connection closed during handshake");
  if (user !== null) {
    if (!ctx.connections.reserve(user.userId, socket.id, ctx.limits.maxConnectionsPerUser)) {
      return refused("TOO_MANY_CONNECTIONS", `At most ${ctx.limits.maxConnectionsPerUser} realtime connections per user`);
    }
    // Released on disconnect too; this covers a connection that dies between
    // this middleware and the namespace join, where no `disconnect` fires.
    socket.conn.once("close", () => ctx.connections.release(user.userId, socket.id));
  } else {
    const address = clientAddressKey(socket.handshake.address);
    if (!ctx.anonymousConnections.reserve(address, socket.id, ctx.limits.maxAnonymousConnectionsPerAddress)) {
      return refused(
        "TOO_MANY_CONNECTIONS",
        `At most ${ctx.limits.maxAnonymousConnectionsPerAddress} anonymous realtime connections per address; sign in for more`,
      );
    }
    socket.conn.once("close", () => ctx.anonymousConnections.release(address, socket.id));
  }
  socket.data = { user, subscriptions: new Map() };
  ctx.socketState.set(socket, {
    credentials,
    bucket: new TokenBucket(ctx.limits.inboundRatePerSocket, ctx.bucketClock),
    policyCache: new ChannelPolicyCache({ ttlMs: ctx.limits.channelPolicyCacheMs, maxEntries: POLICY_CACHE_ENTRIES, now: ctx.now }),
  });
  return ADMITTED;
}

/**
 * Gate 1 as Socket.IO middleware: origin, protocol version (required, same major as the server's), credentials,
 * per-user connection cap (anonymous sockets: per client address). A refusal reaches the client as a `connect_error`
 * whose `data` is `{ code, message }` (Socket.IO does not retry those).
 *
 * @example
 * io.use(createConnectionGate(ctx));
 */
export function createConnectionGate(
  ctx: SocketIOGateContext,
): (socket: RealtimeIOSocket, next: (err?: ExtendedError) => void) => void {
  return (socket, next) => {
    if (ctx.isClosing()) {
      // Closing the transport (instead of a connect_error) lets the client's
      // normal reconnect find another instance.
      socket.conn.close();
      next(new Error("Server is shutting down"));
      return;
    }
    admit(ctx, socket)
      .catch((error: unknown): Admission => {
        ctx.log.error({ err: error, socketId: socket.id }, "realtime_connect_gate_failed");
        return refused("INTERNAL", "Internal error");
      })
      .then((admission) => {
        if (admission.ok) return next();
        if (admission.error.code !== "INTERNAL") ctx.metrics.authRejected("connect", admission.error.code);
        ctx.log.info({ socketId: socket.id, code: admission.error.code }, "realtime_connect_refused");
        const error: ExtendedError = new Error(admission.error.message);
        // A stale client learns which version to load (the page may also just reload).
        error.data = admission.error.code === "VERSION_MISMATCH" ? { ...admission.error, serverVersion: ctx.protocolVersion } : admission.error;
        next(error);
      })
      .catch((error: unknown) => ctx.log.error({ err: error, socketId: socket.id }, "realtime_connect_gate_failed"));
  };
}
