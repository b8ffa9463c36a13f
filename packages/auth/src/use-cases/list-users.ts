import type { IUserRepository } from "../repositories/user-repository";

/** What the admin Users page shows of an account: never its hash. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly string[];
}

export type ListUsers = () => Promise<UserSummary[]>;

/**
 * Every account, oldest first, without password hashes (admins only: the router checks the role).
 *
 * @example
 * const listUsers = listUsersUseCase({ users });
 * await listUsers(); // [{ id: "alice", username: "alice", roles: ["admin"] }, ...]
 */
export function listUsersUseCase(deps: { readonly users: IUserRepository }): ListUsers {
  return async () => (await deps.users.list()).map((user) => ({ id: user.id, username: user.username, roles: [...user.roles] }));
}
