import { createHash } from "node:crypto";
import type { RedisClientType } from "redis";

/** The part of a node-redis client a script needs. */
export type RedisScriptClient = Pick<RedisClientType, "evalSha" | "eval">;

/**
 * A Lua script run with EVALSHA, falling back to EVAL the first time a Redis
 * (or a restarted one) has not cached it. Scripts are how the Redis-backed
 * stores make a read-modify-write atomic across instances.
 *
 * @example
 * const incr = new RedisScript("return redis.call('INCR', KEYS[1])");
 * const next = await incr.run(redis, ["counter"], []);
 */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  async run(client: RedisScriptClient, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const options = { keys: [...keys], arguments: [...args] };
    try {
      return await client.evalSha(this.#sha, options);
    } catch (error) {
      // Any other failure is the caller's to handle; only a cold script cache is retried here.
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return client.eval(this.#source, options);
    }
  }
}
