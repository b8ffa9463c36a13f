import type { RealtimeScope } from "../channels/scope";
import type { RealtimeUser } from "../channels/realtime-user";
import type { PresenceProfile } from "../protocol/wire-protocol";

/**
 * May a channel with this scope show its members' roles? Only where every
 * subscriber already holds the role (`{ role }`) or is the member themself
 * (`{ userScoped }`). On `public` and `authenticated` channels roles would
 * tell anyone who the admins are, so members carry their display name only.
 *
 * @example
 * scopeShowsRoles({ role: "admin" }); // true
 * scopeShowsRoles("authenticated"); // false
 */
export function scopeShowsRoles(scope: RealtimeScope): boolean {
  return typeof scope !== "string";
}

/**
 * What a presence channel with `scope` shows about `user` besides the id:
 * the display name when the authenticator gave one, the roles where the
 * scope allows them.
 *
 * @example
 * presenceProfileOf({ userId: "u1", roles: ["admin"], displayName: "alice" }, "authenticated"); // { displayName: "alice" }
 */
export function presenceProfileOf(user: RealtimeUser, scope: RealtimeScope): PresenceProfile {
  return {
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    ...(scopeShowsRoles(scope) ? { roles: [...user.roles] } : {}),
  };
}
