import type { BindContext } from "@repo/core-di";
import { InMemoryJobQueue } from "@repo/core-events";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { BroadcastSourceAllowlist, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { inMemoryUnitOfWork, RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import type { Poll, PollActor } from "../domain/poll";
import type { CreatePollResult } from "../use-cases/create-poll";
import type { PollsTables } from "../repositories/polls-tables";
import { InMemoryPollRepository } from "../repositories/in-memory-poll-repository";
import { InMemoryVoteRepository } from "../repositories/in-memory-vote-repository";
import type { AppDatabase } from "@repo/core-database";
import { openInMemoryDatabase } from "@repo/core-database/testing";
import { pollsMigrations } from "../migrations/polls-migrations";

export const alice: PollActor = { userId: "alice", roles: ["admin"] };
export const bob: PollActor = { userId: "bob", roles: [] };
export const carol: PollActor = { userId: "carol", roles: [] };

/** A poll as stored, with two options `o1`/`o2` unless overridden. */
export function pollFixture(overrides: Partial<Poll> = {}): Poll {
  return {
    id: "p1",
    question: "Lunch?",
    status: "open",
    options: [
      { id: "o1", label: "Soup" },
      { id: "o2", label: "Salad" },
    ],
    createdBy: "bob",
    createdAt: 1_000,
    ...overrides,
  };
}

/** Fresh in-memory repositories and Recording doubles: the deps every use case takes. */
export function useCaseDeps() {
  const polls = new InMemoryPollRepository();
  const votes = new InMemoryVoteRepository();
  const realtime = new RecordingRealtimeBroadcaster();
  // Writes and pushes through a unit of work as in production (ADR-021); pushes reach `realtime` once the body succeeded.
  return { polls, votes, realtime, work: inMemoryUnitOfWork({ polls, votes }, realtime), bus: new RecordingEventBus() };
}

/** Opening an in-memory PGlite runs initdb in WASM: seconds idle, much more on a loaded machine. */
export const DATABASE_HOOK_TIMEOUT_MS = 180_000;

/**
 * A fresh in-memory PGlite with the polls schema: open one per test file in
 * `beforeAll(..., DATABASE_HOOK_TIMEOUT_MS)` and empty it between tests with `clearPolls`.
 *
 * @example
 * beforeAll(async () => { database = await openPollsTestDatabase(); }, DATABASE_HOOK_TIMEOUT_MS);
 */
export function openPollsTestDatabase(): Promise<AppDatabase> {
  return openInMemoryDatabase([pollsMigrations]);
}

/** Deletes every vote and poll, so the next test starts from an empty store. */
export async function clearPolls(database: AppDatabase): Promise<void> {
  const db = database.db.$extendTables<PollsTables>();
  await db.deleteFrom("poll_votes").execute();
  await db.deleteFrom("polls").execute();
}

/** A BindContext of real in-memory parts and Recording doubles, plus handles on them for assertions. */
export interface PollsTestContext {
  readonly ctx: BindContext;
  readonly bus: RecordingEventBus;
  readonly logs: LogCapture;
}

/**
 * @example
 * const { ctx, bus } = pollsTestContext({ database }); // database from openPollsTestDatabase()
 * const polls = bindProductionPolls(ctx);
 */
export function pollsTestContext(
  overrides: Partial<BindContext> & { readonly database: AppDatabase; readonly realtime?: IRealtimeBroadcaster },
): PollsTestContext {
  const logs = createLogCapture();
  const bus = new RecordingEventBus({ logger: logs.logger });
  const ctx: BindContext = {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("polls-test"),
    logger: logs.logger,
    bus,
    queue: new InMemoryJobQueue({ logger: logs.logger, bus }),
    realtime: new RecordingRealtimeBroadcaster(),
    realtimeSources: new BroadcastSourceAllowlist(),
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
  return { ctx, bus, logs };
}

/**
 * The id of a create the test expects to succeed; a refusal fails the test with its code.
 *
 * @example
 * const id = createdId(await createPoll({ question: "Lunch?", options: ["a", "b"], createdBy: "bob" }));
 */
export function createdId(result: CreatePollResult): string {
  if (!result.ok) throw new Error(`create was refused: ${result.code} ${result.message}`);
  return result.id;
}
