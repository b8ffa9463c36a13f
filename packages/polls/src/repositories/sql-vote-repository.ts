import type { AppDatabase, Kysely } from "@repo/core-database";
import type { CastVoteOutcome, IVoteRepository } from "./vote-repository";
import type { PollsTables } from "./polls-tables";

/**
 * Votes in the system of record. One vote per user per poll is the primary
 * key `(poll_id, user_id)`: `cast` is one `insert ... on conflict do nothing`,
 * so of two votes by one user arriving at once (on one instance or two) the
 * database keeps exactly one; the code never checks first.
 *
 * @example
 * const votes = new SqlVoteRepository(ctx.database);
 * await votes.cast("p1", "bob", "o1"); // { accepted: true, counts: Map { "o1" => 1 } }
 */
export class SqlVoteRepository implements IVoteRepository {
  readonly #db: Kysely<PollsTables>;

  /** `database` may be a use case's transaction (`{ db: trx }`, ADR-021): writes then commit with its outbox records. */
  constructor(database: Pick<AppDatabase, "db">) {
    this.#db = database.db.$extendTables<PollsTables>();
  }

  async cast(pollId: string, userId: string, optionId: string): Promise<CastVoteOutcome> {
    const inserted = await this.#db
      .insertInto("poll_votes")
      .values({ poll_id: pollId, user_id: userId, option_id: optionId })
      .onConflict((conflict) => conflict.columns(["poll_id", "user_id"]).doNothing())
      .returning("option_id")
      .executeTakeFirst();
    if (inserted !== undefined) return { accepted: true, counts: await this.counts(pollId) };
    const earlier = await this.voteOf(pollId, userId);
    // The conflicting row is committed before `on conflict` answers, so it is there to read.
    if (earlier === null) throw new Error(`Vote of "${userId}" on poll "${pollId}" conflicted but is not stored`);
    return { accepted: false, votedFor: earlier, counts: await this.counts(pollId) };
  }

  async counts(pollId: string): Promise<ReadonlyMap<string, number>> {
    const rows = await this.#db
      .selectFrom("poll_votes")
      .select(["option_id", (eb) => eb.fn.countAll<number>().as("votes")])
      .where("poll_id", "=", pollId)
      .groupBy("option_id")
      .execute();
    return new Map(rows.map((row) => [row.option_id, Number(row.votes)]));
  }

  async voteOf(pollId: string, userId: string): Promise<string | null> {
    const row = await this.#db.selectFrom("poll_votes").select("option_id").where("poll_id", "=", pollId).where("user_id", "=", userId).executeTakeFirst();
    return row?.option_id ?? null;
  }
}
