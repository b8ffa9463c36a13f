import { describe, expect, it } from "vitest";
import { createTestClock } from "../__tests__/auth-test-kit";
import { sessionStoreContract } from "../__tests__/session-store-contract";
import { InMemorySessionStore } from "./in-memory-session-store";

sessionStoreContract("InMemorySessionStore", async (options) => {
  const clock = createTestClock();
  return { store: new InMemorySessionStore({ now: clock.now, ...options }), now: clock.now, pass: async (ms) => clock.advance(ms) };
});

describe("InMemorySessionStore", () => {
  it("sweeps expired sessions on create so unused ones do not pile up", async () => {
    const clock = createTestClock();
    const store = new InMemorySessionStore({ now: clock.now });
    for (let i = 0; i < 5; i++) await store.create({ id: `s${i}`, userId: "bob", createdAt: clock.now(), expiresAt: clock.now() + 1000 });
    clock.advance(1001);
    await store.create({ id: "fresh", userId: "bob", createdAt: clock.now(), expiresAt: clock.now() + 1000 });
    expect(store.size).toBe(1);
  });

  it("does bounded work per sign-in (no scan of every session), and still drains expired ones over later sign-ins", async () => {
    const clock = createTestClock();
    const store = new InMemorySessionStore({ now: clock.now });
    for (let i = 0; i < 100; i++) await store.create({ id: `old${i}`, userId: `user${i}`, createdAt: clock.now(), expiresAt: clock.now() + 1000 });
    clock.advance(1001);
    await store.create({ id: "mine", userId: "me", createdAt: clock.now(), expiresAt: clock.now() + 60_000 });
    // One create looked at 16 of the 100 expired sessions, not all of them.
    expect(store.size).toBe(100 - 16 + 1);
    for (let i = 0; i < 6; i++) await store.create({ id: `more${i}`, userId: "me2", createdAt: clock.now(), expiresAt: clock.now() + 60_000 });
    expect(store.size).toBe(7);
  });
});
