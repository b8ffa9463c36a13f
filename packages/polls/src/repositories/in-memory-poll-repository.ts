import type { Poll, PollStatus } from "../domain/poll";
import { DraftQuotaExceededError, PollAlreadyExistsError } from "./poll-repository";
import type { IPollRepository, PollTransition, VisiblePollsQuery } from "./poll-repository";

function newestFirst(a: Poll, b: Poll): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

function frozen(poll: Poll): Poll {
  return Object.freeze({ ...poll, options: Object.freeze(poll.options.map((option) => Object.freeze({ ...option }))) });
}

/**
 * Polls in a Map, for a single instance.
 *
 * @example
 * const polls = new InMemoryPollRepository();
 * await polls.create({ id, question: "Lunch?", status: "draft", options, createdBy: "alice", createdAt: Date.now() });
 */
export class InMemoryPollRepository implements IPollRepository {
  readonly #polls = new Map<string, Poll>();

  async create(poll: Poll, options: { readonly maxDrafts?: number } = {}): Promise<void> {
    if (this.#polls.has(poll.id)) throw new PollAlreadyExistsError(`A poll with id "${poll.id}" already exists`);
    // Synchronous from the count to the set: no other create can interleave on one event loop.
    if (poll.status === "draft" && options.maxDrafts !== undefined) {
      const drafts = [...this.#polls.values()].filter((stored) => stored.status === "draft" && stored.createdBy === poll.createdBy).length;
      if (drafts >= options.maxDrafts) throw new DraftQuotaExceededError(`"${poll.createdBy}" already has ${drafts} drafts`);
    }
    this.#polls.set(poll.id, frozen(poll));
  }

  async get(id: string): Promise<Poll | null> {
    return this.#polls.get(id) ?? null;
  }

  async list(limit: number): Promise<Poll[]> {
    return [...this.#polls.values()].sort(newestFirst).slice(0, Math.max(0, limit));
  }

  async listVisible(query: VisiblePollsQuery): Promise<Poll[]> {
    const { viewerId, allDrafts, after } = query;
    return [...this.#polls.values()]
      .filter((poll) => allDrafts || poll.status !== "draft" || poll.createdBy === viewerId)
      .filter((poll) => after === undefined || newestFirst(poll, { ...poll, createdAt: after.createdAt, id: after.id }) > 0)
      .sort(newestFirst)
      .slice(0, Math.max(0, query.limit));
  }

  async transition(id: string, from: readonly PollStatus[], to: PollStatus): Promise<PollTransition | null> {
    const poll = this.#polls.get(id);
    if (poll === undefined) return null;
    if (!from.includes(poll.status)) return { changed: false, poll };
    const next = frozen({ ...poll, status: to });
    this.#polls.set(id, next);
    return { changed: true, poll: next };
  }
}
