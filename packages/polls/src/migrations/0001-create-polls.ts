import { sql } from "@repo/core-database";
import type { Kysely, Migration } from "@repo/core-database";

/**
 * Polls and votes. One vote per user per poll is the primary key
 * `(poll_id, user_id)` of `poll_votes`: two instances inserting at once
 * cannot both succeed, whatever the code around them does.
 */
export const createPolls: Migration = {
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable("polls")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("question", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull().check(sql`status in ('draft', 'open', 'closed')`))
      .addColumn("options", "jsonb", (column) => column.notNull())
      .addColumn("created_by", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .execute();
    // The list reads newest first (created_at, then id, descending) and pages on that pair.
    await db.schema.createIndex("polls_created_at_id_idx").on("polls").columns(["created_at desc", "id desc"]).execute();
    // The draft quota counts one creator's drafts.
    await db.schema.createIndex("polls_created_by_status_idx").on("polls").columns(["created_by", "status"]).execute();
    await db.schema
      .createTable("poll_votes")
      .addColumn("poll_id", "text", (column) => column.notNull().references("polls.id").onDelete("cascade"))
      .addColumn("user_id", "text", (column) => column.notNull())
      .addColumn("option_id", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("poll_votes_pkey", ["poll_id", "user_id"])
      .execute();
  },
  down: async (db: Kysely<unknown>) => {
    await db.schema.dropTable("poll_votes").execute();
    await db.schema.dropTable("polls").execute();
  },
};
