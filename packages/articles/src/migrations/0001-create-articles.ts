import { sql } from "@repo/core-database";
import type { Kysely, Migration } from "@repo/core-database";

/**
 * One row per article, keyed by its id. The checks are the use case's rules
 * (`domain/article.ts`: id alphabet and length, non-empty title and body with
 * their maximum lengths), so a row written around the use case cannot break
 * a reader. `id` sorts bytewise (`COLLATE "C"`), so equal publication times
 * order the same on PostgreSQL, PGlite and in memory. `published_at` is epoch
 * milliseconds; the index serves the newest-first list.
 * `author_id` names an auth user without a foreign key (ADR-020 notes why).
 */
export const createArticles: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE articles (
        id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        author_id text NOT NULL CHECK (author_id <> ''),
        published_at bigint NOT NULL CHECK (published_at >= 0)
      )
    `.execute(db);
    await sql`CREATE INDEX articles_newest_first ON articles (published_at DESC, id DESC)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE articles`.execute(db);
  },
};
