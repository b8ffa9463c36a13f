
import { errorAck } from "./realtime-ack";
import { authorizeChannel } from "./socket-io-channel-access";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import { ZPresenceFrame } from "../protocol/wire-protocol";
import type { PresenceAck } from "../protocol/wire-protocol";

/**
 * `realtime:presence`: who is on a presence channel, across instances. Only
 * a current subscriber may ask (so gate 2 already ran), and the channel is
 * authorized again (scope and policy) in case the user's roles changed since.
 *
 * @example
 * listenForFrames(ctx, socket, { "realtime:presence": handlePresence });
 */
export async function handlePresence(ctx: SocketIOGateContext, socket: RealtimeIOSocket, raw: unknown): Promise<PresenceAck> {
  const frame = ZPresenceFrame.safeParse(raw);
  if (!frame.success) return errorAck("INVALID_FRAME", "Expected { channel: string }");
  const { channel } = frame.data;
  if (!socket.data.subscriptions.has(channel)) return errorAck("NOT_SUBSCRIBED", `Subscribe to "${channel}" before asking who is on it`);
  const resolution = ctx.registry.resolve(channel);
  if (resolution.kind !== "match") return errorAck("UNKNOWN_CHANNEL", `No channel named "${channel}"`);
  if (!resolution.descriptor.presence) return errorAck("NO_PRESENCE", `Channel "${resolution.descriptor.name}" does not track presence`);
  const verdict = await authorizeChannel(ctx, socket, { ...resolution, channel }, "read");
  if (!verdict.ok) return errorAck(verdict.code, verdict.reason);
  return { ok: true, channel, members: await ctx.presence.members(channel) };
}
