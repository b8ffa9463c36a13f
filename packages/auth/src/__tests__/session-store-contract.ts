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
export function sessionStoreContract(
  name: string,
  createHarness: (options?: { readonly maxSessionsPerUser?: number }) => Promise<SessionStoreHarness>,
): void {
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

    it("keeps at most maxSessionsPerUser per user: the next sign-in revokes the oldest, and says which", async () => {
      const harness = await createHarness({ maxSessionsPerUser: 3 });
      const user = `bounded-${randomUUID()}`;
      const sessions: Session[] = [];
      for (let i = 0; i < 3; i++) {
        const session = { ...sessionFor(harness, 60_000, user), createdAt: harness.now() + i };
        sessions.push(session);
        expect(await harness.store.create(session)).toEqual([]);
      }
      const fourth = { ...sessionFor(harness, 60_000, user), createdAt: harness.now() + 3 };
      expect(await harness.store.create(fourth)).toEqual([sessions[0]?.id]);
      expect(await harness.store.get(sessions[0]?.id ?? "")).toBeNull();
      for (const live of [...sessions.slice(1), fourth]) expect(await harness.store.get(live.id)).toEqual(live);
    });

    it("bounds each user apart, and a deleted session frees its slot", async () => {
      const harness = await createHarness({ maxSessionsPerUser: 2 });
      const [me, other] = [`me-${randomUUID()}`, `other-${randomUUID()}`];
      const theirs = sessionFor(harness, 60_000, other);
      await harness.store.create(theirs);
      const first = sessionFor(harness, 60_000, me);
      const second = { ...sessionFor(harness, 60_000, me), createdAt: first.createdAt + 1 };
      await harness.store.create(first);
      await harness.store.create(second);
      await harness.store.delete(second.id);
      const third = { ...sessionFor(harness, 60_000, me), createdAt: first.createdAt + 2 };
      expect(await harness.store.create(third)).toEqual([]);
      expect(await harness.store.get(first.id)).toEqual(first);
      expect(await harness.store.get(theirs.id)).toEqual(theirs);
    });

    it("does not store a session that is already expired", async () => {
      const harness = await createHarness();
      const session = sessionFor(harness, -1);
      await harness.store.create(session);
      expect(await harness.store.get(session.id)).toBeNull();
    });
  });
}
