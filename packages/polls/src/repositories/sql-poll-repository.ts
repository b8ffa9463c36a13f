import type { AppDatabase, Kysely } from "@repo/core-database";
import { sql } from "@repo/core-database";
import { z } from "zod";
import { POLL_STATUSES } from "../domain/poll";
import type { Poll, PollStatus } from "../domain/poll";
import { DraftQuotaExceededError, PollAlreadyExistsError } from "./poll-repository";
import type { IPollRepository, PollTransition, VisiblePollsQuery } from "./poll-repository";
import type { PollsTable, PollsTables } from "./polls-tables";

const ZStoredOptions = z.array(z.object({ id: z.string(), label: z.string() }));
const ZStatus = z.enum(POLL_STATUSES);
const UNIQUE_VIOLATION = "23505";

function toPoll(row: PollsTable): Poll {
  return {
    id: row.id,
    question: row.question,
    status: ZStatus.parse(row.status),
    options: ZStoredOptions.parse(row.options),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === UNIQUE_VIOLATION;
}

/**
 * Polls in the system of record (PostgreSQL or embedded PGlite, ADR-020):
 * one row per poll, the options as jsonb. The id is the primary key, so a
 * second create with the same id fails in the database; a status change is
 * one conditional `update ... returning`, so two instances cannot both win.
 *
 * @example
 * const polls = new SqlPollRepository(ctx.database);
 * await polls.transition(id, ["draft"], "open");
 */
export class SqlPollRepository implements IPollRepository {
  readonly #db: Kysely<PollsTables>;

  /** `database` may be a use case's transaction (`{ db: trx }`, ADR-021): writes then commit with its outbox records. */
  constructor(database: Pick<AppDatabase, "db">) {
    this.#db = database.db.$extendTables<PollsTables>();
  }

  async create(poll: Poll, options: { readonly maxDrafts?: number } = {}): Promise<void> {
    const { maxDrafts } = options;
    try {
      if (poll.status !== "draft" || maxDrafts === undefined) {
        await this.#insert(this.#db, poll);
        return;
      }
      await this.#db.transaction().execute(async (trx) => {
        // One creator's draft creates queue on this lock, on every instance, so count-then-insert cannot overshoot.
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`polls.drafts:${poll.createdBy}`}))`.execute(trx);
        const { drafts } = await trx
          .selectFrom("polls")
          .select((eb) => eb.fn.countAll<number | string | bigint>().as("drafts"))
          .where("created_by", "=", poll.createdBy)
          .where("status", "=", "draft")
          .executeTakeFirstOrThrow();
        if (Number(drafts) >= maxDrafts) throw new DraftQuotaExceededError(`"${poll.createdBy}" already has ${Number(drafts)} drafts`);
        await this.#insert(trx, poll);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new PollAlreadyExistsError(`A poll with id "${poll.id}" already exists`);
      throw error;
    }
  }

  async #insert(db: Kysely<PollsTables>, poll: Poll): Promise<void> {
    await db
        .insertInto("polls")
        .values({
          id: poll.id,
          question: poll.question,
          status: poll.status,
          options: sql`${JSON.stringify(poll.options)}::jsonb`,
          created_by: poll.createdBy,
          created_at: poll.createdAt,
        })
        .execute();
  }

  async get(id: string): Promise<Poll | null> {
    const row = await this.#db.selectFrom("polls").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : toPoll(row);
  }

  async list(limit: number): Promise<Poll[]> {
    if (limit <= 0) return [];
    const rows = await this.#db.selectFrom("polls").selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map(toPoll);
  }

  async listVisible(query: VisiblePollsQuery): Promise<Poll[]> {
    if (query.limit <= 0) return [];
    const { viewerId, allDrafts, after } = query;
    const rows = await this.#db
      .selectFrom("polls")
      .selectAll()
      .$if(!allDrafts, (q) => q.where((eb) => eb.or([eb("status", "<>", "draft"), eb("created_by", "=", viewerId)])))
      // Row comparison walks the (created_at desc, id desc) index from the cursor on.
      .$if(after !== undefined, (q) => q.where((eb) => eb(eb.refTuple("created_at", "id"), "<", eb.tuple(after?.createdAt ?? 0, after?.id ?? ""))))
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return rows.map(toPoll);
  }

  async transition(id: string, from: readonly PollStatus[], to: PollStatus): Promise<PollTransition | null> {
    if (from.length > 0) {
      const changed = await this.#db.updateTable("polls").set({ status: to }).where("id", "=", id).where("status", "in", [...from]).returningAll().executeTakeFirst();
      if (changed !== undefined) return { changed: true, poll: toPoll(changed) };
    }
    const poll = await this.get(id);
    return poll === null ? null : { changed: false, poll };
  }
}
