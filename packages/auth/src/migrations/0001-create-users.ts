import { sql } from "@repo/core-database";
import type { Kysely, Migration } from "@repo/core-database";

/**
 * `auth_users`: one row per account. Usernames are unique case-insensitively
 * (`Alice` and `alice` cannot both exist) through a unique index on
 * `lower(username)`; the password is stored only as an argon2id PHC string.
 */
export const createUsers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("auth_users")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("username", "text", (column) => column.notNull())
      .addColumn("password_hash", "text", (column) => column.notNull())
      .addColumn("roles", sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'::text[]`))
      .addColumn("created_at", "timestamptz", (column) => column.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("auth_users_username_key").on("auth_users").unique().expression(sql`lower(username)`).execute();
  },
};
