import type { RedisClient } from "@repo/core-di";
import { z } from "zod";
import { POLL_STATUSES } from "../domain/poll";
import type { Poll, PollStatus } from "../domain/poll";
import { PollAlreadyExistsError } from "./poll-repository";
import type { IPollRepository, PollTransition } from "./poll-repository";
import { parseStoredJson } from "./redis-json";

export interface RedisPollRepositoryOptions {
  /** Key prefix; tests pass a unique one. Defaults to `polls:`. */
  readonly keyPrefix?: string;
}

// KEYS: poll hash, index zset. ARGV: data json, status, createdAt, id.
const CREATE_SCRIPT = `
if redis.call('HSETNX', KEYS[1], 'data', ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return 1
`;

// KEYS: poll hash. ARGV: to, then every allowed from-status.
// Answers {found, changed, status, data} so the caller needs no second read.
const TRANSITION_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {0, 0, '', ''} end
local data = redis.call('HGET', KEYS[1], 'data')
for i = 2, #ARGV do
  if ARGV[i] == status then
    redis.call('HSET', KEYS[1], 'status', ARGV[1])
    return {1, 1, ARGV[1], data}
  end
end
return {1, 0, status, data}
`;

const ZStatus = z.enum(POLL_STATUSES);
const ZStoredPoll = z.object({
  question: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  createdBy: z.string(),
  createdAt: z.number(),
});
const ZTransitionReply = z.tuple([z.number().int(), z.number().int(), z.string(), z.string()]);

/**
 * Polls in Redis, shared by every instance: one hash per poll (`data`, the
 * immutable definition as JSON, and `status`) and a sorted set of ids by
 * `createdAt` for the list. Create and status changes are Lua scripts, so
 * they are atomic.
 *
 * @example
 * const polls = new RedisPollRepository(redis);
 * await polls.transition(id, ["draft"], "open");
 */
export class RedisPollRepository implements IPollRepository {
  readonly #redis: RedisClient;
  readonly #prefix: string;

  constructor(redis: RedisClient, options: RedisPollRepositoryOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "polls:";
  }

  async create(poll: Poll): Promise<void> {
    const data = JSON.stringify({ question: poll.question, options: poll.options, createdBy: poll.createdBy, createdAt: poll.createdAt });
    const created = await this.#redis.eval(CREATE_SCRIPT, {
      keys: [this.#pollKey(poll.id), this.#indexKey()],
      arguments: [data, poll.status, String(poll.createdAt), poll.id],
    });
    if (created !== 1) throw new PollAlreadyExistsError(`A poll with id "${poll.id}" already exists`);
  }

  async get(id: string): Promise<Poll | null> {
    const [data, status] = await this.#redis.hmGet(this.#pollKey(id), ["data", "status"]);
    return toPoll(id, data, status);
  }

  async list(limit: number): Promise<Poll[]> {
    if (limit <= 0) return [];
    const ids = await this.#redis.zRange(this.#indexKey(), 0, limit - 1, { REV: true });
    const polls = await Promise.all(ids.map((id) => this.get(id)));
    return polls.filter((poll): poll is Poll => poll !== null);
  }

  async transition(id: string, from: readonly PollStatus[], to: PollStatus): Promise<PollTransition | null> {
    const reply = await this.#redis.eval(TRANSITION_SCRIPT, { keys: [this.#pollKey(id)], arguments: [to, ...from] });
    const [found, changed, status, data] = ZTransitionReply.parse(reply);
    if (found === 0) return null;
    const poll = toPoll(id, data, status);
    if (poll === null) throw new Error(`Poll "${id}" is stored in a shape this repository did not write`);
    return { changed: changed === 1, poll };
  }

  #pollKey(id: string): string {
    return `${this.#prefix}poll:${id}`;
  }

  #indexKey(): string {
    return `${this.#prefix}index`;
  }
}

function toPoll(id: string, data: string | null | undefined, status: string | null | undefined): Poll | null {
  const definition = ZStoredPoll.safeParse(parseStoredJson(data));
  const parsedStatus = ZStatus.safeParse(status);
  // A hash this repository did not write (or an older format) is not a poll.
  if (!definition.success || !parsedStatus.success) return null;
  return { id, status: parsedStatus.data, ...definition.data };
}
