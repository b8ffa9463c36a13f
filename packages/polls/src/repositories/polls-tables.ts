/** The rows of `polls` as Kysely sees them (migration `0001-create-polls`). */
export type PollsTable = {
  readonly id: string;
  readonly question: string;
  readonly status: string;
  /** jsonb: written as `sql\`${json}::jsonb\``, read back parsed (checked with zod). */
  readonly options: unknown;
  readonly created_by: string;
  /** Epoch milliseconds; int8 is parsed to a number on both engines (ADR-020). */
  readonly created_at: number;
};

type PollVotesTable = {
  readonly poll_id: string;
  readonly user_id: string;
  readonly option_id: string;
};

/** What `database.db.$extendTables<PollsTables>()` adds (type aliases: Kysely needs an index-signature-compatible shape). */
export type PollsTables = {
  readonly polls: PollsTable;
  readonly poll_votes: PollVotesTable;
};
