import type { ChannelParams } from "./channel-template";
import { ChannelTemplateError } from "./channel-template";
import type { AnyRealtimeChannel } from "./define-realtime-channel";
import type { RealtimeUser } from "./realtime-user";

/**
 * What a policy is asked about: `read` (subscribe with its history replay,
 * the presence list, a recovered or re-authenticated subscription) or
 * `publish` (an inbound message).
 */
export type ChannelPolicyAccess = "read" | "publish";

interface ChannelPolicyContext {
  readonly access: ChannelPolicyAccess;
  /** The concrete channel name, e.g. `polls.p1`. */
  readonly channel: string;
}

/**
 * A per-resource check after the pure scope check (ADR-016): may this user
 * read or publish on this concrete channel? It may read feature state (it is
 * async), so it is bound in the feature's bind code with its repository.
 * `false` is refused with `FORBIDDEN`; a throw fails closed (`INTERNAL`),
 * except during a re-authentication sweep, which keeps the subscription.
 */
export type ChannelPolicy<TName extends string = string> = (
  user: RealtimeUser | null,
  params: ChannelParams<TName>,
  context: ChannelPolicyContext,
) => boolean | Promise<boolean>;

/** A policy as a descriptor stores it, whatever its channel's name. */
export type AnyChannelPolicy = (
  user: RealtimeUser | null,
  params: Readonly<Record<string, string>>,
  context: ChannelPolicyContext,
) => boolean | Promise<boolean>;

/**
 * Forgets the name-specific params type. Sound because the gates only call a
 * descriptor's policy with params resolved from that descriptor's own
 * template, which always fills every placeholder.
 */
export function eraseChannelPolicy<TName extends string>(policy: ChannelPolicy<TName>): AnyChannelPolicy {
  return policy as unknown as AnyChannelPolicy;
}

/**
 * The same channel with a per-resource policy: what the feature registers
 * (the shared descriptor stays policy-free, so pages and clients never import
 * server state). Register only the returned descriptor: the registry refuses a
 * second, different descriptor under one name, so the unguarded one cannot
 * slip in beside it.
 *
 * @example
 * ctx.realtimeRegistry.register(
 *   withChannelPolicy(pollChannel, async (user, { pollId }) => isPollVisibleTo(await polls.get(pollId), user)),
 *   onVote,
 * );
 */
export function withChannelPolicy<D extends AnyRealtimeChannel>(descriptor: D, policy: ChannelPolicy<D["name"]>): D {
  if (descriptor.policy !== undefined) {
    throw new ChannelTemplateError(`Channel "${descriptor.name}" already has a policy; combine them in one function`);
  }
  return Object.freeze({ ...descriptor, policy: eraseChannelPolicy(policy) });
}
