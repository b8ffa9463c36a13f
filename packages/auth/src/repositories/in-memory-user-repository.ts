import { ADMIN_ROLE } from "../domain/user";
import type { User } from "../domain/user";
import { LastAdminError, UserAlreadyExistsError } from "./user-repository";
import type { IUserRepository } from "./user-repository";

/**
 * A test double for fast use-case tests, held to the same contract suite as
 * `SqlUserRepository` (`user-repository-contract.ts`). Users in a Map, keyed by id, with a username index. Usernames compare
 * case-insensitively so `Alice` and `alice` cannot both exist.
 *
 * @example
 * const users = new InMemoryUserRepository();
 * await users.add({ id: "alice", username: "alice", passwordHash, roles: ["admin"] });
 */
export class InMemoryUserRepository implements IUserRepository {
  readonly #byId = new Map<string, User>();
  readonly #idByUsername = new Map<string, string>();

  async findById(id: string): Promise<User | null> {
    return this.#byId.get(id) ?? null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const id = this.#idByUsername.get(username.toLowerCase());
    return id === undefined ? null : (this.#byId.get(id) ?? null);
  }

  async list(): Promise<User[]> {
    return [...this.#byId.values()];
  }

  async add(user: User): Promise<void> {
    const key = user.username.toLowerCase();
    if (this.#byId.has(user.id)) throw new UserAlreadyExistsError(`A user with id "${user.id}" already exists`);
    if (this.#idByUsername.has(key)) throw new UserAlreadyExistsError(`The username "${user.username}" is taken`);
    this.#byId.set(user.id, Object.freeze({ ...user, roles: Object.freeze([...new Set(user.roles)]) }));
    this.#idByUsername.set(key, user.id);
  }

  async setRoles(id: string, roles: readonly string[]): Promise<User | null> {
    const user = this.#byId.get(id);
    if (user === undefined) return null;
    // No await between this check and the write: concurrent calls cannot interleave inside it.
    const demotesLastAdmin =
      user.roles.includes(ADMIN_ROLE) && !roles.includes(ADMIN_ROLE) && ![...this.#byId.values()].some((other) => other.id !== id && other.roles.includes(ADMIN_ROLE));
    if (demotesLastAdmin) throw new LastAdminError(`"${id}" is the last user with the "${ADMIN_ROLE}" role: grant it to someone else first`);
    const updated = Object.freeze({ ...user, roles: Object.freeze([...new Set(roles)]) });
    this.#byId.set(id, updated);
    return updated;
  }
}
