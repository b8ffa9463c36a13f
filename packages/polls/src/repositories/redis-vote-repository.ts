import type { RedisClient } from "@repo/core-di";
import { z } from "zod";
import type { CastVoteOutcome, IVoteRepository } from "./vote-repository";

export interface RedisVoteRepositoryOptions {
  /** Key prefix; tests pass a unique one. Defaults to `polls:`. */
  readonly keyPrefix?: string;
}

// One vote per user per poll, atomically: HSETNX claims the user's vote and
// only the claim that won increments the tally, inside one script, so no
// interleaving of instances can count a second vote.
// KEYS: voters hash (userId -> optionId), tally hash (optionId -> count). ARGV: userId, optionId.
// Answers {accepted, the user's option, flat HGETALL of the tally}.
const CAST_SCRIPT = `
local accepted = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
if accepted == 1 then redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
return {accepted, redis.call('HGET', KEYS[1], ARGV[1]), redis.call('HGETALL', KEYS[2])}
`;

const ZCastReply = z.tuple([z.number().int(), z.string(), z.array(z.string())]);
const ZCount = z.coerce.number().int().min(0);

/**
 * Votes in Redis, shared by every instance: per poll a hash of who voted for
 * what and a hash of counts per option. The poll id is a hash tag, so both
 * keys of a poll share a cluster slot and the script may touch them together.
 *
 * @example
 * const votes = new RedisVoteRepository(redis);
 * await votes.cast(pollId, "bob", "o1");
 */
export class RedisVoteRepository implements IVoteRepository {
  readonly #redis: RedisClient;
  readonly #prefix: string;

  constructor(redis: RedisClient, options: RedisVoteRepositoryOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "polls:";
  }

  async cast(pollId: string, userId: string, optionId: string): Promise<CastVoteOutcome> {
    const keys = this.#keys(pollId);
    const reply = await this.#redis.eval(CAST_SCRIPT, { keys: [keys.voters, keys.tally], arguments: [userId, optionId] });
    const [accepted, votedFor, flatTally] = ZCastReply.parse(reply);
    const counts = countsFromPairs(flatTally);
    return accepted === 1 ? { accepted: true, counts } : { accepted: false, votedFor, counts };
  }

  async counts(pollId: string): Promise<ReadonlyMap<string, number>> {
    const stored = await this.#redis.hGetAll(this.#keys(pollId).tally);
    return new Map(Object.entries(stored).map(([optionId, count]) => [optionId, ZCount.parse(count)]));
  }

  async voteOf(pollId: string, userId: string): Promise<string | null> {
    return (await this.#redis.hGet(this.#keys(pollId).voters, userId)) ?? null;
  }

  #keys(pollId: string): { readonly voters: string; readonly tally: string } {
    const base = `${this.#prefix}{${pollId}}`;
    return { voters: `${base}:voters`, tally: `${base}:tally` };
  }
}

/** `["o1", "3", "o2", "1"]` (HGETALL inside Lua) -> Map { o1 => 3, o2 => 1 }. */
function countsFromPairs(flat: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) counts.set(flat[i]!, ZCount.parse(flat[i + 1]));
  return counts;
}
