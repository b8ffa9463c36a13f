import { authorize } from "../channels/authorize";
import type { AuthorizationResult } from "../channels/authorize";
import type { ChannelPolicyAccess } from "../channels/channel-policy";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import type { RealtimeIOSocket } from "../socket-io-server-types";

/** The concrete channel a frame names, resolved. */
export interface ChannelTarget {
  readonly descriptor: AnyRealtimeChannel;
  readonly params: Readonly<Record<string, string>>;
  readonly channel: string;
}

/** `authorize`'s answer, or `INTERNAL` when the channel's policy threw (logged here, with context). */
export type ChannelAccessVerdict = AuthorizationResult | { readonly ok: false; readonly code: "INTERNAL"; readonly reason: string };

const REFUSED_BY_POLICY: Readonly<Record<ChannelPolicyAccess, AuthorizationResult>> = Object.freeze({
  read: Object.freeze({ ok: false, code: "FORBIDDEN", reason: "You may not read this channel" }),
  publish: Object.freeze({ ok: false, code: "FORBIDDEN", reason: "You may not publish on this channel" }),
});

/**
 * The whole access check of one concrete channel for one socket: the pure
 * scope check (`authorize`, ADR-016), then the descriptor's per-resource
 * policy when it has one. Policy verdicts are cached per socket for
 * `channelPolicyCacheMs`; `fresh` asks the policy again (re-authentication).
 * A policy that throws fails closed with `INTERNAL`; the caller decides what
 * that means (refuse the frame, or keep a live subscription through a blip).
 * Synchronous when no policy has to be asked (no policy, or a cached
 * verdict), so gate 3 takes no extra turn for it; `await` works on either.
 *
 * @example
 * const verdict = await authorizeChannel(ctx, socket, { descriptor, params, channel }, "read");
 * if (!verdict.ok) return errorAck(verdict.code, verdict.reason);
 */
export function authorizeChannel(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  target: ChannelTarget,
  access: ChannelPolicyAccess,
  options: { readonly fresh?: boolean } = {},
): ChannelAccessVerdict | Promise<ChannelAccessVerdict> {
  const scoped = authorize(target.descriptor, target.params, socket.data.user);
  if (!scoped.ok || target.descriptor.policy === undefined) return scoped;
  const cache = ctx.socketState.get(socket)?.policyCache;
  const cached = options.fresh === true ? undefined : cache?.get(access, target.channel);
  if (cached !== undefined) return cached ? scoped : REFUSED_BY_POLICY[access];
  return askPolicy(ctx, socket, target, access, scoped);
}

async function askPolicy(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  target: ChannelTarget,
  access: ChannelPolicyAccess,
  scoped: AuthorizationResult,
): Promise<ChannelAccessVerdict> {
  const user = socket.data.user;
  const policy = target.descriptor.policy;
  let allowed: boolean;
  try {
    // Anything but `true` is a refusal: a policy that returns a truthy object by mistake fails closed.
    allowed = policy !== undefined && (await policy(user, target.params, { access, channel: target.channel })) === true;
  } catch (error) {
    ctx.log.error(
      { err: error, channel: target.channel, template: target.descriptor.name, access, socketId: socket.id, userId: user?.userId ?? null },
      "realtime_channel_policy_failed",
    );
    return { ok: false, code: "INTERNAL", reason: "Internal error" };
  }
  ctx.socketState.get(socket)?.policyCache.set(access, target.channel, allowed);
  return allowed ? scoped : REFUSED_BY_POLICY[access];
}
