import { sql } from "@repo/core-database";
import type { Kysely, Migration } from "@repo/core-database";

/**
 * One row per notification. The key is `(user_id, id)`: an id is only ever
 * looked up within its owner's inbox, and adding the same id twice for one
 * user is a conflict the repository turns into "already there". `id` sorts
 * bytewise (`COLLATE "C"`), so equal timestamps order the same on PostgreSQL,
 * PGlite and in memory. `created_at` is epoch milliseconds. The index serves
 * the list (newest first), the per-user cap and the unread count.
 * No foreign key to users yet: the users table is not in the database (auth still keeps accounts in memory).
 */
export const createNotifications: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE notifications (
        user_id text NOT NULL CHECK (user_id <> ''),
        id text COLLATE "C" NOT NULL CHECK (id <> ''),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) <= 2000),
        created_at bigint NOT NULL,
        read boolean NOT NULL DEFAULT false,
        PRIMARY KEY (user_id, id)
      )
    `.execute(db);
    await sql`CREATE INDEX notifications_newest_first ON notifications (user_id, created_at DESC, id DESC)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE notifications`.execute(db);
  },
};
