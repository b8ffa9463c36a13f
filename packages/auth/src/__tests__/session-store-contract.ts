import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Session } from "../domain/session";
import type { ISessionStore } from "../repositories/session-store";

export interface SessionStoreHarness {
  readonly store: ISessionStore;
  /** The store's notion of now (epoch ms). */
  now(): number;
  /** Lets `ms` pass for the store (a fake clock, or real waiting for Redis TTLs). */
  pass(ms: number): Promise<void>;
}

function sessionFor(harness: SessionStoreHarness, ttlMs: number, userId = "alice"): Session {
  const createdAt = harness.now();
  return { id: randomUUID().replaceAll("-", ""), userId, createdAt, expiresAt: createdAt + ttlMs };
}

/**
 * The behaviour every `ISessionStore` must have; run it once per implementation.
 *
 * @example
 * sessionStoreContract("InMemorySessionStore", async () => harness);
 */
export function sessionStoreContract(name: string, createHarness: () => Promise<SessionStoreHarness>): void {
  describe(`${name} (ISessionStore contract)`, () => {
    it("returns a created session until it is deleted", async () => {
      const harness = await createHarness();
      const session = sessionFor(harness, 60_000);
      await harness.store.create(session);
      expect(await harness.store.get(session.id)).toEqual(session);
      expect(await harness.store.delete(session.id)).toBe(true);
      expect(await harness.store.get(session.id)).toBeNull();
    });

    it("answers null for an id it never stored and false when deleting it", async () => {
      const harness = await createHarness();
      expect(await harness.store.get("never-stored")).toBeNull();
      expect(await harness.store.delete("never-stored")).toBe(false);
    });

    it("keeps sessions apart: deleting one leaves the others", async () => {
      const harness = await createHarness();
      const mine = sessionFor(harness, 60_000, "alice");
      const other = sessionFor(harness, 60_000, "alice");
      await harness.store.create(mine);
      await harness.store.create(other);
      await harness.store.delete(mine.id);
      expect(await harness.store.get(other.id)).toEqual(other);
    });

    it("stops returning a session once it has expired", async () => {
      const harness = await createHarness();
      const session = sessionFor(harness, 300);
      await harness.store.create(session);
      expect(await harness.store.get(session.id)).not.toBeNull();
      await harness.pass(450);
      expect(await harness.store.get(session.id)).toBeNull();
    });

    it("does not store a session that is already expired", async () => {
      const harness = await createHarness();
      const session = sessionFor(harness, -1);
      await harness.store.create(session);
      expect(await harness.store.get(session.id)).toBeNull();
    });
  });
}
