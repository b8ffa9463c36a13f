import { describePresenceStoreContract } from "../__tests__/presence-store-contract";
import { InMemoryPresenceStore } from "./in-memory-presence-store";

describePresenceStoreContract("InMemoryPresenceStore", () => {
  let now = 1_000_000;
  const store = new InMemoryPresenceStore({ ttlMs: 1_000, now: () => now });
  return Promise.resolve({ a: store, b: store, ttlMs: 1_000, advance: (ms) => void (now += ms) });
});
