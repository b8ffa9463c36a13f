import type { AppDatabase } from "@repo/core-database";
import type { Generated, Kysely } from "kysely";
import type { User } from "../domain/user";
import { UserAlreadyExistsError } from "./user-repository";
import type { IUserRepository } from "./user-repository";

/** The row shape of `auth_users` (migration 0001-create-users); a type alias, as Kysely's `$extendTables` needs an index-compatible shape. */
type AuthUsersTable = {
  id: string;
  username: string;
  password_hash: string;
  roles: string[];
  created_at: Generated<Date>;
};

/** The auth feature's tables, for `database.db.$extendTables<AuthTables>()`. */
export type AuthTables = {
  auth_users: AuthUsersTable;
};

type UserRow = Pick<AuthUsersTable, "id" | "username" | "password_hash" | "roles">;

const COLUMNS = ["id", "username", "password_hash", "roles"] as const;

function toUser(row: UserRow): User {
  return Object.freeze({ id: row.id, username: row.username, passwordHash: row.password_hash, roles: Object.freeze([...row.roles]) });
}

/** PostgreSQL's unique_violation, as both `pg` and PGlite report it. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}

/**
 * Users in SQL (`auth_users`), the system of record shared by every
 * instance (ADR-020). Usernames compare case-insensitively; roles are read
 * from the row on every lookup, so a change applies on every instance at the
 * next request or re-authentication.
 *
 * @example
 * const users = new SqlUserRepository(ctx.database);
 * await users.add({ id: "alice", username: "alice", passwordHash, roles: ["admin"] });
 */
export class SqlUserRepository implements IUserRepository {
  readonly #db: Kysely<AuthTables>;

  constructor(database: AppDatabase) {
    this.#db = database.db.$extendTables<AuthTables>();
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.#db.selectFrom("auth_users").select(COLUMNS).where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : toUser(row);
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await this.#db
      .selectFrom("auth_users")
      .select(COLUMNS)
      .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
      .executeTakeFirst();
    return row === undefined ? null : toUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.#db.selectFrom("auth_users").select(COLUMNS).orderBy("created_at").orderBy("id").execute();
    return rows.map(toUser);
  }

  async add(user: User): Promise<void> {
    try {
      await this.#db
        .insertInto("auth_users")
        .values({ id: user.id, username: user.username, password_hash: user.passwordHash, roles: [...new Set(user.roles)] })
        .execute();
    } catch (error) {
      // The primary key or the lower(username) index: the same refusal the interface promises.
      if (isUniqueViolation(error)) throw new UserAlreadyExistsError(`The id "${user.id}" or the username "${user.username}" is taken`, { cause: error });
      throw error;
    }
  }

  async setRoles(id: string, roles: readonly string[]): Promise<User | null> {
    const row = await this.#db
      .updateTable("auth_users")
      .set({ roles: [...new Set(roles)] })
      .where("id", "=", id)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row === undefined ? null : toUser(row);
  }
}
