import type { User } from "../domain/user";

/**
 * Where users live: SQL (`SqlUserRepository`, the system of record, ADR-020);
 * `InMemoryUserRepository` is a test double held to the same contract suite.
 */
export interface IUserRepository {
  findById(id: string): Promise<User | null>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<User | null>;
  /** Every user, oldest first. */
  list(): Promise<User[]>;
  /** Throws `UserAlreadyExistsError` when the id or the username is taken. */
  add(user: User): Promise<void>;
  /**
   * Replaces a user's roles; `null` when there is no such user. Throws
   * `LastAdminError` (nothing written) when it would take `ADMIN_ROLE` from
   * the only user holding it; atomic, so two concurrent demotions of the
   * last two admins cannot both succeed.
   */
  setRoles(id: string, roles: readonly string[]): Promise<User | null>;
}

export class UserAlreadyExistsError extends Error {
  override readonly name = "UserAlreadyExistsError";
  readonly code = "USER_ALREADY_EXISTS";
}

/** `setRoles` would leave no user with `ADMIN_ROLE` (nobody could manage roles again); nothing was written. */
export class LastAdminError extends Error {
  override readonly name = "LastAdminError";
  readonly code = "LAST_ADMIN";
}
