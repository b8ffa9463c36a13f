import type { RealtimeErrorBody } from "../protocol/errors";
import { errorAck } from "./realtime-ack";
import { authorizeChannel } from "./socket-io-channel-access";
import { OCCUPANCY_MEMBER } from "./socket-io-gate-context";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import { emitToSocket } from "../socket-io-server-types";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import { REALTIME_EVENTS, ZSubscribeFrame, ZUnsubscribeFrame, channelOfRoom, channelRoom } from "../protocol/wire-protocol";
import type { SubscribeAck, UnsubscribeAck } from "../protocol/wire-protocol";
import { presenceProfileOf } from "../presence/presence-profile";


/**
 * Gate 2: `realtime:subscribe`. Resolve the name, authorize (scope, then the
 * channel's policy), cap, join; with `since`, replay what the socket missed
 * before acking. Nothing is joined or replayed before both checks passed.
 *
 * @example
 * socket.on("realtime:subscribe", (frame, ack) => void handleSubscribe(ctx, socket, frame).then(ack));
 */
export async function handleSubscribe(ctx: SocketIOGateContext, socket: RealtimeIOSocket, raw: unknown): Promise<SubscribeAck> {
  const frame = ZSubscribeFrame.safeParse(raw);
  if (!frame.success) return errorAck("INVALID_FRAME", "Expected { channel: string, since?: number, epoch?: string }");
  const { channel, since, epoch } = frame.data;
  const resolution = ctx.registry.resolve(channel);
  if (resolution.kind === "unknown") return errorAck("UNKNOWN_CHANNEL", `No channel named "${channel}"`);
  if (resolution.kind === "invalid-params") {
    return errorAck("INVALID_PARAMS", `"${channel}" does not fit channel template "${resolution.descriptor.name}"`);
  }
  const { descriptor, params } = resolution;
  const verdict = await authorizeChannel(ctx, socket, { descriptor, params, channel }, "read");
  if (!verdict.ok) {
    if (verdict.code !== "INTERNAL") ctx.metrics.authRejected("subscribe", verdict.code);
    return errorAck(verdict.code, verdict.reason);
  }
  const subscriptions = socket.data.subscriptions;
  if (!subscriptions.has(channel)) {
    if (subscriptions.size >= ctx.limits.maxSubscriptionsPerSocket) {
      return errorAck("TOO_MANY_SUBSCRIPTIONS", `At most ${ctx.limits.maxSubscriptionsPerSocket} subscriptions per connection`);
    }
    // Joining after a disconnect would leave an orphan room entry behind.
    if (!socket.connected) return errorAck("INTERNAL", "Connection closed");
    // Recorded before the (possibly async, adapter-dependent) join so a
    // concurrent duplicate frame sees it and is not counted twice.
    subscriptions.set(channel, descriptor.name);
    ctx.metrics.subscriptionAdded(descriptor.name);
    await socket.join(channelRoom(channel));
    // Never awaited: a webhook's bookkeeping must not slow the subscribe (the tracker logs its own failures).
    void ctx.occupancy?.join(channel, OCCUPANCY_MEMBER, socket.id);
    const user = socket.data.user;
    if (descriptor.presence && user !== null) await ctx.presence.join(channel, user.userId, socket.id, presenceProfileOf(user, descriptor.scope));
  }
  if (since === undefined) {
    // Where this subscription starts: the client drops what came before and waits for what comes after in order.
    const start = await ctx.channelLog.position(channel);
    return { ok: true, channel, seq: start.seq, epoch: start.epoch };
  }

  // The room was joined before history is read, so nothing published in
  // between is lost. A message published in that window may arrive twice
  // (live, then replayed) and a live one may overtake the replay: the client
  // de-duplicates and orders by `seq`, and treats the ack as the end of replay.
  const history = await ctx.channelLog.readSince(channel, since, epoch);
  if (!history.recovered) return { ok: true, channel, recovered: false, seq: history.seq, epoch: history.epoch };
  for (const message of history.messages) emitToSocket(socket, REALTIME_EVENTS.message, message);
  return { ok: true, channel, recovered: true, seq: history.seq, epoch: history.epoch };
}

/** `realtime:unsubscribe`: leave the room; `NOT_SUBSCRIBED` when there was nothing to leave. */
export async function handleUnsubscribe(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  raw: unknown,
): Promise<UnsubscribeAck> {
  const frame = ZUnsubscribeFrame.safeParse(raw);
  if (!frame.success) return errorAck("INVALID_FRAME", "Expected { channel: string }");
  const { channel } = frame.data;
  if (!socket.data.subscriptions.has(channel)) return errorAck("NOT_SUBSCRIBED", `Not subscribed to "${channel}"`);
  await dropSubscription(ctx, socket, channel);
  return { ok: true, channel };
}

/** Leaves one channel; with `notice`, tells the client why (`realtime:unsubscribed`). */
export async function dropSubscription(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  channel: string,
  notice?: RealtimeErrorBody,
): Promise<void> {
  const template = socket.data.subscriptions.get(channel);
  if (template === undefined) return;
  socket.data.subscriptions.delete(channel);
  ctx.metrics.subscriptionRemoved(template);
  await socket.leave(channelRoom(channel));
  await ctx.presence.leave(channel, socket.id);
  void ctx.occupancy?.leave(channel, socket.id);
  if (notice !== undefined) emitToSocket(socket, REALTIME_EVENTS.unsubscribed, { channel, error: notice });
}

/**
 * Connection-state recovery restores a socket's rooms, not our bookkeeping:
 * rebuild the subscription map from the restored channel rooms, re-authorizing
 * each (scope and policy) against the freshly authenticated user and leaving
 * the ones now refused.
 */
export async function restoreSubscriptions(ctx: SocketIOGateContext, socket: RealtimeIOSocket): Promise<void> {
  for (const room of [...socket.rooms]) {
    const channel = channelOfRoom(room);
    if (channel === null) continue;
    const resolution = ctx.registry.resolve(channel);
    const verdict = resolution.kind === "match" ? await authorizeChannel(ctx, socket, { ...resolution, channel }, "read") : null;
    if (resolution.kind === "match" && verdict?.ok === true && !socket.data.subscriptions.has(channel)) {
      socket.data.subscriptions.set(channel, resolution.descriptor.name);
      ctx.metrics.subscriptionAdded(resolution.descriptor.name);
      continue;
    }
    await socket.leave(room);
    const error = verdict !== null && !verdict.ok ? { code: verdict.code, message: verdict.reason } : undefined;
    if (error !== undefined) emitToSocket(socket, REALTIME_EVENTS.unsubscribed, { channel, error });
  }
}
