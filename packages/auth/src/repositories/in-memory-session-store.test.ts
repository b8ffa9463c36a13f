import { describe, expect, it } from "vitest";
import { createTestClock } from "../__tests__/auth-test-kit";
import { sessionStoreContract } from "../__tests__/session-store-contract";
import { InMemorySessionStore } from "./in-memory-session-store";

sessionStoreContract("InMemorySessionStore", async () => {
  const clock = createTestClock();
  return { store: new InMemorySessionStore({ now: clock.now }), now: clock.now, pass: async (ms) => clock.advance(ms) };
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
});
