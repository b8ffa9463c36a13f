import type { User } from "../domain/user";

/** Where users live. In memory today (seeded by bind-dev-seed); a database later, behind the same interface. */
export interface IUserRepository {
  findById(id: string): Promise<User | null>;
  findByUsername(username: string): Promise<User | null>;
  /** Throws `UserAlreadyExistsError` when the id or the username is taken. */
  add(user: User): Promise<void>;
  /** Replaces a user's roles; `null` when there is no such user. */
  setRoles(id: string, roles: readonly string[]): Promise<User | null>;
}

export class UserAlreadyExistsError extends Error {
  override readonly name = "UserAlreadyExistsError";
  readonly code = "USER_ALREADY_EXISTS";
}
