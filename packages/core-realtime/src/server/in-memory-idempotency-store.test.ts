import { describe, expect, it } from "vitest";
import { CONTRACT_OPTIONS, idempotencyStoreContract } from "../__tests__/idempotency-store-contract";
import type { ContractValue } from "../__tests__/idempotency-store-contract";
import { InMemoryIdempotencyStore } from "./in-memory-idempotency-store";

describe("InMemoryIdempotencyStore", () => {
  idempotencyStoreContract(() => {
    const store = new InMemoryIdempotencyStore<ContractValue>();
    return Promise.resolve({ a: store, b: store });
  });

  it("serves a newcomer without de-duplication when the owner table is full, instead of evicting anyone", async () => {
    const store = new InMemoryIdempotencyStore<ContractValue>({ maxOwners: 2 });
    let runs = 0;
    const op = (): Promise<ContractValue> => Promise.resolve({ ok: true, run: ++runs });
    await store.run("user:a", "k", op, CONTRACT_OPTIONS);
    await store.run("user:b", "k", op, CONTRACT_OPTIONS);
    expect((await store.run("user:c", "k", op, CONTRACT_OPTIONS)).duplicate).toBe(false);
    expect((await store.run("user:c", "k", op, CONTRACT_OPTIONS)).duplicate).toBe(false);
    expect(store.owners).toBe(2);
    expect((await store.run("user:a", "k", op, CONTRACT_OPTIONS)).duplicate).toBe(true);
  });

  it("drops owners whose keys all expired, so the table frees up (injected clock)", async () => {
    let now = 0;
    const store = new InMemoryIdempotencyStore<ContractValue>({ maxOwners: 1, now: () => now });
    const op = (): Promise<ContractValue> => Promise.resolve({ ok: true, run: 1 });
    await store.run("user:a", "k", op, { ...CONTRACT_OPTIONS, ttlMs: 100 });
    now = 100;
    expect((await store.run("user:b", "k", op, CONTRACT_OPTIONS)).duplicate).toBe(false);
    expect((await store.run("user:b", "k", op, CONTRACT_OPTIONS)).duplicate).toBe(true);
    expect(store.owners).toBe(1);
  });
});
