import type { BindContext } from "@repo/core-di";
import { InMemoryJobQueue } from "@repo/core-events";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import type { Poll, PollActor } from "../domain/poll";
import { InMemoryPollRepository } from "../repositories/in-memory-poll-repository";
import { InMemoryVoteRepository } from "../repositories/in-memory-vote-repository";
import { createInMemoryDatabase } from "@repo/core-database";

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
  return {
    polls: new InMemoryPollRepository(),
    votes: new InMemoryVoteRepository(),
    realtime: new RecordingRealtimeBroadcaster(),
    bus: new RecordingEventBus(),
  };
}

/** A BindContext of real in-memory parts and Recording doubles, plus handles on them for assertions. */
export interface PollsTestContext {
  readonly ctx: BindContext;
  readonly bus: RecordingEventBus;
  readonly logs: LogCapture;
}

/**
 * @example
 * const { ctx, bus } = pollsTestContext();
 * const polls = bindProductionPolls(ctx);
 */
export function pollsTestContext(overrides: Partial<BindContext> & { readonly realtime?: IRealtimeBroadcaster } = {}): PollsTestContext {
  const logs = createLogCapture();
  const bus = new RecordingEventBus({ logger: logs.logger });
  const ctx: BindContext = {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("polls-test"),
    logger: logs.logger,
    bus,
    queue: new InMemoryJobQueue({ logger: logs.logger, bus }),
    realtime: new RecordingRealtimeBroadcaster(),
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database: createInMemoryDatabase(),
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
  return { ctx, bus, logs };
}
