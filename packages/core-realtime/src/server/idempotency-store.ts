/** What a de-duplicated run answered, and whether it was a repeat. */
export interface IdempotentRun<T> {
  readonly value: T;
  readonly duplicate: boolean;
}

/** The server's rules for one run; the store is the mechanism. */
export interface IdempotencyRunOptions<T> {
  /** How long a key is remembered. */
  readonly ttlMs: number;
  /** Most keys one owner keeps; past it that owner's own oldest key is forgotten (never another owner's). */
  readonly maxKeysPerOwner: number;
  /** Whether a settled value is an outcome to remember (not a transient failure the client may retry). */
  readonly keep: (value: T) => boolean;
}

/**
 * Runs an operation at most once per (owner, key) within a TTL: a client
 * retrying a publish after a lost ack gets the first run's answer. Keys are
 * bounded per owner (a user, or an anonymous socket), so one owner's flood
 * evicts only its own keys. In memory per instance by default; Redis when
 * several instances serve the same clients, so a retry that lands on another
 * instance (failover) still runs once.
 *
 * @example
 * const { value, duplicate } = await store.run("user:alice", `${channel} ${id}`, () => runHandler(), options);
 */
export interface IIdempotencyStore<T> {
  run(owner: string, key: string, operation: () => Promise<T>, options: IdempotencyRunOptions<T>): Promise<IdempotentRun<T>>;
  /** Forget everything kept locally (shutdown). */
  clear(): void;
}
