import type { CastVote } from "../use-cases/cast-vote";
import type { ChangePollStatus } from "../use-cases/change-poll-status";
import type { CreatePoll } from "../use-cases/create-poll";

export interface SeedPoll {
  readonly id: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly createdBy: string;
  readonly status: "open" | "closed";
  /** Voter user id -> option index. Seed voters are not sign-in users, so alice and bob can still vote. */
  readonly votes: Readonly<Record<string, number>>;
}

/**
 * Polls by the auth dev seed users (`alice`, `bob`) with votes from
 * placeholder voters, so `/polls` shows live counts on first start. Fixed
 * ids make seeding idempotent: a restart or a second instance on one Redis
 * stores each poll once and counts each seed vote once.
 */
export const DEV_SEED_POLLS: readonly SeedPoll[] = [
  {
    id: "seed-lunch",
    question: "Lunch?",
    options: ["Soup", "Salad", "Sandwich"],
    createdBy: "alice",
    status: "open",
    votes: { "seed-voter-1": 0, "seed-voter-2": 1, "seed-voter-3": 1 },
  },
  {
    id: "seed-standup",
    question: "Move the stand-up to 10:00?",
    options: ["Yes", "No"],
    createdBy: "bob",
    status: "open",
    votes: { "seed-voter-1": 0 },
  },
  {
    id: "seed-offsite",
    question: "Where should the offsite be?",
    options: ["Mountains", "Seaside"],
    createdBy: "alice",
    status: "closed",
    votes: { "seed-voter-1": 1, "seed-voter-2": 1, "seed-voter-3": 0 },
  },
];

export interface SeedPollsDeps {
  readonly createPoll: CreatePoll;
  readonly openPoll: ChangePollStatus;
  readonly closePoll: ChangePollStatus;
  readonly castVote: CastVote;
}

/**
 * Creates, opens, votes on and (where the seed says so) closes the seed polls
 * through the real use cases, so events and pushes are real. Replays are
 * harmless: a known id, an open poll and a seed voter's second vote change nothing.
 *
 * @example
 * await seedPolls({ createPoll, openPoll, closePoll, castVote });
 */
export async function seedPolls(
  deps: SeedPollsDeps,
  seeds: readonly SeedPoll[] = DEV_SEED_POLLS,
  now: () => number = Date.now,
): Promise<void> {
  const start = now();
  for (const [i, seed] of seeds.entries()) {
    const creator = { userId: seed.createdBy, roles: [] };
    // A minute apart, the first newest: the list shows the seeds in the order above.
    const createdAt = start - i * 60_000;
    const created = await deps.createPoll({ id: seed.id, question: seed.question, options: [...seed.options], createdBy: seed.createdBy, createdAt });
    // Only the draft quota refuses a create; a seed user over it is a broken database, worth stopping for.
    if (!created.ok) throw new Error(`Seeding poll "${seed.id}" was refused: ${created.code}`);
    const { id } = created;
    const opened = await deps.openPoll({ id, actor: creator });
    // Already closed by an earlier seeding: leave it as it is.
    if (!opened.ok) continue;
    for (const [voter, optionIndex] of Object.entries(seed.votes)) {
      await deps.castVote({ pollId: id, optionId: `o${optionIndex + 1}`, voter: { userId: voter, roles: [] } });
    }
    if (seed.status === "closed") await deps.closePoll({ id, actor: creator });
  }
}
