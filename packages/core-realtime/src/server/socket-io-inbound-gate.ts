import { wasCaptured } from "@repo/core-observability";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeHandlerContext, RegisteredInbound } from "../handlers/realtime-handler-registry";
import { describeIssuePaths, errorAck, errorAckFrom } from "./realtime-ack";
import { authorizeChannel } from "./socket-io-channel-access";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import { TokenBucket } from "../rate-limits/token-bucket";
import type { TokenBucketVerdict } from "../rate-limits/token-bucket";
import { parsePublishFrame } from "./parse-publish-frame";
import type { ErrorAck, PublishAck } from "../protocol/wire-protocol";

/** How long a publish's message id is remembered for de-duplication. */
const IDEMPOTENCY_TTL_MS = 5 * 60_000;

/** A generic failure is not an outcome: the client's retry should run the handler again. */
const keepAck = (ack: PublishAck): boolean => ack.ok || ack.error.code !== "INTERNAL";

/**
 * Per-socket bucket first (one noisy tab, this process only), then the
 * user's, taken from the shared rate-limit store so a user's tabs spread over
 * several instances still share one budget.
 */
function rateLimit(ctx: SocketIOGateContext, socket: RealtimeIOSocket): ErrorAck | null | Promise<ErrorAck | null> {
  const socketVerdict = ctx.socketState.get(socket)?.bucket.take();
  if (socketVerdict !== undefined && !socketVerdict.ok) {
    ctx.metrics.rateLimited("socket");
    return errorAck("RATE_LIMITED", "Too many messages from this connection", socketVerdict.retryAfterMs);
  }
  const userId = socket.data.user?.userId;
  if (userId === undefined) return null;
  const store = ctx.rateLimits;
  const key = `user:${userId}`;
  // Synchronous when the store can be (in memory): one turn of the event loop less per publish.
  if (store.takeSync !== undefined) return userRefusal(ctx, store.takeSync(key, ctx.limits.inboundRatePerUser));
  return store.take(key, ctx.limits.inboundRatePerUser).then((verdict) => userRefusal(ctx, verdict));
}

function userRefusal(ctx: SocketIOGateContext, verdict: TokenBucketVerdict): ErrorAck | null {
  if (verdict.ok) return null;
  ctx.metrics.rateLimited("user");
  return errorAck("RATE_LIMITED", "Too many messages from this user", verdict.retryAfterMs);
}

/**
 * Control-frame buckets, one per socket, created on its first control frame.
 * Kept here rather than in gate 1's per-socket state so every rate limit
 * lives in this one file; a WeakMap, so a bucket goes with its socket.
 */
const controlBuckets = new WeakMap<RealtimeIOSocket, TokenBucket>();

/**
 * The per-socket budget for every frame that is not a publish (subscribe,
 * unsubscribe, presence, unknown events): `RATE_LIMITED` with a retry hint
 * once spent, or `null`. Publishes have their own buckets (`handlePublish`).
 *
 * @example
 * const limited = limitControlFrame(ctx, socket);
 * if (limited !== null) return ack(limited);
 */
export function limitControlFrame(ctx: SocketIOGateContext, socket: RealtimeIOSocket): ErrorAck | null {
  let bucket = controlBuckets.get(socket);
  if (bucket === undefined) {
    bucket = new TokenBucket(ctx.limits.controlRatePerSocket, ctx.bucketClock);
    controlBuckets.set(socket, bucket);
  }
  const verdict = bucket.take();
  if (verdict.ok) return null;
  ctx.metrics.rateLimited("socket");
  return errorAck("RATE_LIMITED", "Too many requests from this connection", verdict.retryAfterMs);
}

function encodedBytes(payload: unknown): number {
  const json = JSON.stringify(payload) as string | undefined;
  return json === undefined ? 0 : Buffer.byteLength(json);
}

interface Invocation {
  readonly registered: RegisteredInbound;
  readonly channel: string;
  readonly params: Readonly<Record<string, string>>;
  readonly payload: unknown;
  readonly messageId: string | undefined;
}

/**
 * The handler context's `broadcast`. Built by a function that returns an unnamed arrow: a named
 * closure (an object property included) gets tsx's `__name` wrapper on every publish, which costs
 * more than the rest of gate 3 (see docs/benchmarks.md, "Instructions per operation").
 */
function broadcastFrom(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  registered: RegisteredInbound,
  params: Readonly<Record<string, string>>,
): RealtimeHandlerContext["broadcast"] {
  return (payload, options) =>
    ctx.broadcaster.broadcast(registered.descriptor, params, payload, {
      exceptSocketId: options?.toOthers === true ? socket.id : undefined,
      // Only a registered handler gets here, so only registered handlers speak as inbound sources.
      source: ctx.inboundSource(registered.descriptor.name),
    });
}

async function runHandler(ctx: SocketIOGateContext, socket: RealtimeIOSocket, call: Invocation): Promise<PublishAck> {
  const { registered, channel, params } = call;
  const template = registered.descriptor.name;
  const user = socket.data.user;
  const context: RealtimeHandlerContext = {
    user,
    userId: user?.userId ?? null,
    roles: user?.roles ?? [],
    channel,
    params,
    socketId: socket.id,
    messageId: call.messageId,
    broadcast: broadcastFrom(ctx, socket, registered, params),
  };
  try {
    const handler = ctx.wrapHandler(template, registered.handler);
    // The generic handler's payload type collapses to `never`; the payload was
    // parsed with this very descriptor's inbound schema just before.
    const result: unknown = await handler(call.payload as never, context);
    return result === undefined ? { ok: true } : { ok: true, result };
  } catch (error) {
    if (error instanceof RealtimeError) return errorAckFrom(error.toBody());
    ctx.metrics.inboundHandlerError(template);
    // withCapture (the app's wrapper) already logged the stack: add the context only.
    const cause = wasCaptured(error) ? { alreadyCaptured: true } : { err: error };
    ctx.log.error({ channel, template, socketId: socket.id, userId: user?.userId ?? null, ...cause }, "realtime_inbound_handler_failed");
    return errorAck("INTERNAL", "Internal error");
  }
}

/**
 * Gate 3: `realtime:publish`. Rate limit, size, channel, inbound handler,
 * authorization (again: subscribe-time checks are not trusted here) with the
 * channel's policy, payload schema, de-duplication by client message id (per
 * user), then the handler.
 *
 * @example
 * socket.on("realtime:publish", (frame, ack) => void handlePublish(ctx, socket, frame).then(ack));
 */
export async function handlePublish(ctx: SocketIOGateContext, socket: RealtimeIOSocket, raw: unknown): Promise<PublishAck> {
  // Gate 3's steps await only what is really asynchronous (a shared rate-limit store, a channel
  // policy, the handler): an `await` of a value already known costs a turn of the event loop.
  const pendingLimit = rateLimit(ctx, socket);
  const limited = pendingLimit instanceof Promise ? await pendingLimit : pendingLimit;
  if (limited !== null) return limited;
  const frame = parsePublishFrame(raw);
  if (frame === null) return errorAck("INVALID_FRAME", "Expected { channel: string, payload: unknown, id?: string }");
  const { channel, payload, id } = frame;
  if (encodedBytes(payload) > ctx.limits.maxInboundPayloadBytes) {
    return errorAck("PAYLOAD_TOO_LARGE", `Payload exceeds ${ctx.limits.maxInboundPayloadBytes} bytes`);
  }
  const resolution = ctx.registry.resolve(channel);
  if (resolution.kind === "unknown") return errorAck("UNKNOWN_CHANNEL", `No channel named "${channel}"`);
  if (resolution.kind === "invalid-params") {
    return errorAck("INVALID_PARAMS", `"${channel}" does not fit channel template "${resolution.descriptor.name}"`);
  }
  const { descriptor, params } = resolution;
  const registered = ctx.registry.getInboundDescriptor(descriptor.name);
  const schema = registered?.descriptor.inbound;
  if (registered === undefined || schema === undefined) {
    return errorAck("NO_INBOUND_HANDLER", `Channel "${descriptor.name}" does not accept client messages`);
  }
  const pendingVerdict = authorizeChannel(ctx, socket, { descriptor, params, channel }, "publish");
  const verdict = pendingVerdict instanceof Promise ? await pendingVerdict : pendingVerdict;
  if (!verdict.ok) {
    if (verdict.code !== "INTERNAL") ctx.metrics.authRejected("inbound", verdict.code);
    return errorAck(verdict.code, verdict.reason);
  }
  ctx.metrics.inboundMessage(descriptor.name);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return errorAck("INVALID_PAYLOAD", `Invalid payload for "${descriptor.name}" at: ${describeIssuePaths(parsed.error.issues)}`);
  }

  const call: Invocation = { registered, channel, params, payload: parsed.data, messageId: id };
  if (id === undefined) return runHandler(ctx, socket, call);
  // Keyed and bounded per user (an anonymous socket is its own owner), so no one can evict another's keys.
  const owner = socket.data.user === null ? `socket:${socket.id}` : `user:${socket.data.user.userId}`;
  const { value, duplicate } = await ctx.idempotency.run(owner, JSON.stringify([channel, id]), () => runHandler(ctx, socket, call), {
    ttlMs: IDEMPOTENCY_TTL_MS,
    maxKeysPerOwner: ctx.limits.idempotencyKeysPerUser,
    keep: keepAck,
  });
  return duplicate && value.ok ? { ...value, duplicate: true } : value;
}
