import type { AppDatabase } from "@repo/core-database";
import { sql } from "kysely";
import type { Generated, Kysely } from "kysely";
import { ADMIN_ROLE } from "../domain/user";
import type { User } from "../domain/user";
import { LastAdminError, UserAlreadyExistsError } from "./user-repository";
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

/** The advisory lock every role change takes (`hashtext` of this key). */
const ADMIN_LOCK_KEY = "auth.roles";

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
    return this.#db.transaction().execute(async (trx) => {
      // Every role change queues on this lock, on every instance, so the admin count read below holds until commit.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${ADMIN_LOCK_KEY}))`.execute(trx);
      const current = await trx.selectFrom("auth_users").select("roles").where("id", "=", id).executeTakeFirst();
      if (current === undefined) return null;
      if (current.roles.includes(ADMIN_ROLE) && !roles.includes(ADMIN_ROLE)) {
        const { others } = await trx
          .selectFrom("auth_users")
          .select((eb) => eb.fn.countAll<number | string | bigint>().as("others"))
          .where("id", "<>", id)
          .where(sql<boolean>`${ADMIN_ROLE} = ANY(roles)`)
          .executeTakeFirstOrThrow();
        if (Number(others) === 0) throw new LastAdminError(`"${id}" is the last user with the "${ADMIN_ROLE}" role: grant it to someone else first`);
      }
      const row = await trx
        .updateTable("auth_users")
        .set({ roles: [...new Set(roles)] })
        .where("id", "=", id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toUser(row);
    });
  }
}
