import type { IRealtimeServer } from "@repo/core-realtime/server";
import { toPublicUser } from "../domain/user";
import type { PublicUser } from "../domain/user";
import type { IUserRepository } from "../repositories/user-repository";

export interface ChangeUserRolesDeps {
  readonly users: IUserRepository;
  /** `null` when no realtime transport runs (tests, page handlers). */
  readonly realtimeServer: Pick<IRealtimeServer, "reauthenticateUser"> | null;
}

interface ChangeUserRolesInput {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** `null` when there is no such user; rejects with `LastAdminError` (nothing changed) when it would demote the last admin. */
export type ChangeUserRoles = (input: ChangeUserRolesInput) => Promise<PublicUser | null>;

const ROLE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Replaces a user's roles, then has the realtime server re-run gates 1 and 2
 * for that user's sockets on every instance right away, so a channel the
 * user may no longer read is left now, not at the next periodic re-check.
 * HTTP requests (tRPC) read roles from the user record on every call.
 *
 * @example
 * const changeUserRoles = changeUserRolesUseCase({ users, realtimeServer });
 * await changeUserRoles({ userId: "alice", roles: [] }); // alice's admin subscriptions are dropped
 */
export function changeUserRolesUseCase(deps: ChangeUserRolesDeps): ChangeUserRoles {
  return async ({ userId, roles }) => {
    const invalid = roles.find((role) => !ROLE.test(role));
    if (invalid !== undefined) throw new Error(`Invalid role "${invalid}": use letters, digits, "_" or "-"`);
    const user = await deps.users.setRoles(userId, roles);
    if (user === null) return null;
    await deps.realtimeServer?.reauthenticateUser(userId);
    return toPublicUser(user);
  };
}
