import { expect, it, vi } from "vitest";
import type { IdempotencyRunOptions, IIdempotencyStore } from "../server/idempotency-store";

/** What one run answers in these tests: which run produced it. */
export interface ContractValue {
  readonly ok: boolean;
  readonly run: number;
}

export const CONTRACT_OPTIONS: IdempotencyRunOptions<ContractValue> = { ttlMs: 60_000, maxKeysPerOwner: 3, keep: (value) => value.ok };

/**
 * Two handles on one store: the same object for a per-instance store, two
 * instances sharing state for a shared one (so every case also proves the
 * sharing).
 */
export interface IdempotencyStorePair {
  readonly a: IIdempotencyStore<ContractValue>;
  readonly b: IIdempotencyStore<ContractValue>;
}

/**
 * The behaviour every `IIdempotencyStore` promises; each implementation's
 * test file runs it.
 *
 * @example
 * idempotencyStoreContract(() => { const store = new InMemoryIdempotencyStore<ContractValue>(); return Promise.resolve({ a: store, b: store }); });
 */
export function idempotencyStoreContract(makePair: () => Promise<IdempotencyStorePair>): void {
  let runs = 0;
  const operation = (ok = true) => (): Promise<ContractValue> => Promise.resolve({ ok, run: ++runs });
  const unique = (): string => `k-${Math.random().toString(36).slice(2)}`;

  it("runs a key once per owner and hands a repeat the first answer", async () => {
    const { a, b } = await makePair();
    const key = unique();
    const first = await a.run("user:alice", key, operation(), CONTRACT_OPTIONS);
    expect(first.duplicate).toBe(false);
    expect(await b.run("user:alice", key, operation(), CONTRACT_OPTIONS)).toEqual({ value: first.value, duplicate: true });
  });

  it("keeps owners apart: the same key from two owners runs twice", async () => {
    const { a } = await makePair();
    const key = unique();
    const alice = await a.run("user:alice", key, operation(), CONTRACT_OPTIONS);
    const bob = await a.run("user:bob", key, operation(), CONTRACT_OPTIONS);
    expect([alice.duplicate, bob.duplicate]).toEqual([false, false]);
    expect(bob.value.run).not.toBe(alice.value.run);
  });

  it("bounds keys per owner: a flood evicts the flooder's own oldest keys, never another owner's", async () => {
    const { a, b } = await makePair();
    const owner = `user:victim-${unique()}`;
    const flooder = `user:flooder-${unique()}`;
    const kept = unique();
    const victim = await a.run(owner, kept, operation(), CONTRACT_OPTIONS);
    const keys = Array.from({ length: 5 }, unique);
    for (const key of keys) await a.run(flooder, key, operation(), CONTRACT_OPTIONS);
    expect(await b.run(owner, kept, operation(), CONTRACT_OPTIONS)).toEqual({ value: victim.value, duplicate: true });
    expect((await b.run(flooder, keys[4] ?? "", operation(), CONTRACT_OPTIONS)).duplicate).toBe(true);
    expect((await b.run(flooder, keys[0] ?? "", operation(), CONTRACT_OPTIONS)).duplicate).toBe(false);
  });

  it("does not remember an answer `keep` rejects, nor a run that threw", async () => {
    const { a, b } = await makePair();
    const rejected = unique();
    expect((await a.run("user:alice", rejected, operation(false), CONTRACT_OPTIONS)).value.ok).toBe(false);
    expect((await b.run("user:alice", rejected, operation(), CONTRACT_OPTIONS)).duplicate).toBe(false);
    const thrown = unique();
    await expect(a.run("user:alice", thrown, () => Promise.reject(new Error("boom")), CONTRACT_OPTIONS)).rejects.toThrow("boom");
    expect((await b.run("user:alice", thrown, operation(), CONTRACT_OPTIONS)).duplicate).toBe(false);
  });

  it("shares a run still in flight with a repeat on the same handle", async () => {
    const { a } = await makePair();
    const key = unique();
    let release: (value: ContractValue) => void = () => undefined;
    let started = 0;
    const slow = (): Promise<ContractValue> => {
      started++;
      return new Promise((resolve) => (release = resolve));
    };
    const first = a.run("user:alice", key, slow, CONTRACT_OPTIONS);
    const second = a.run("user:alice", key, slow, CONTRACT_OPTIONS);
    await vi.waitFor(() => expect(started).toBe(1), { timeout: 20_000 }); // the run is in flight
    release({ ok: true, run: -1 });
    expect(await Promise.all([first, second])).toEqual([
      { value: { ok: true, run: -1 }, duplicate: false },
      { value: { ok: true, run: -1 }, duplicate: true },
    ]);
    expect(started).toBe(1);
  });
}
