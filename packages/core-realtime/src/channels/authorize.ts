import type { AnyRealtimeChannel } from "./define-realtime-channel";
import type { RealtimeUser } from "./realtime-user";

export type AuthorizationResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: "UNAUTHENTICATED" | "FORBIDDEN"; readonly reason: string };

const ALLOWED: AuthorizationResult = Object.freeze({ ok: true });

/**
 * May `user` read (or publish to) the concrete channel `descriptor` + `params`?
 * Pure: no I/O, no clock, so gates can call it on every subscribe and publish
 * and tests can enumerate it. Fails closed on anything unexpected.
 *
 * @example
 * authorize(notificationsChannel, { userId: "u1" }, { userId: "u1", roles: [] }); // { ok: true }
 */
export function authorize(
  descriptor: Pick<AnyRealtimeChannel, "scope">,
  params: Readonly<Record<string, unknown>>,
  user: RealtimeUser | null,
): AuthorizationResult {
  const scope = descriptor.scope;
  if (scope === "public") return ALLOWED;
  if (user === null) return { ok: false, code: "UNAUTHENTICATED", reason: "Sign in to subscribe to this channel" };
  if (scope === "authenticated") return ALLOWED;
  if ("role" in scope) {
    return user.roles.includes(scope.role)
      ? ALLOWED
      : { ok: false, code: "FORBIDDEN", reason: `Requires role "${scope.role}"` };
  }
  const owner = Object.prototype.hasOwnProperty.call(params, scope.userScoped) ? params[scope.userScoped] : undefined;
  return typeof owner === "string" && owner === user.userId
    ? ALLOWED
    : { ok: false, code: "FORBIDDEN", reason: "This channel belongs to another user" };
}
