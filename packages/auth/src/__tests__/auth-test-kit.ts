import { InMemorySessionStore } from "../repositories/in-memory-session-store";
import { InMemoryUserRepository } from "../repositories/in-memory-user-repository";
import { Argon2PasswordHasher } from "../services/argon2-password-hasher";
import { createSessionTokenSigner } from "../services/session-token";
import type { SessionTokenSigner } from "../services/session-token";
import { createUserUseCase } from "../use-cases/create-user";

/** A clock tests move by hand. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(start = Date.UTC(2026, 0, 1)): TestClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

const TEST_SECRET = "test-secret-of-reasonable-length-0123456789";

/** Real in-memory repositories, a real (cheap) argon2 hasher and a hand-driven clock. */
export interface AuthTestKit {
  readonly clock: TestClock;
  readonly users: InMemoryUserRepository;
  readonly sessions: InMemorySessionStore;
  readonly hasher: Argon2PasswordHasher;
  readonly tokens: SessionTokenSigner;
}

export function createAuthTestKit(): AuthTestKit {
  const clock = createTestClock();
  return {
    clock,
    users: new InMemoryUserRepository(),
    sessions: new InMemorySessionStore({ now: clock.now }),
    // Low cost: these tests check behaviour, not hash strength.
    hasher: new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 }),
    tokens: createSessionTokenSigner(TEST_SECRET),
  };
}

/** Adds alice (admin) and bob through the real create-user use case. */
export async function seedAliceAndBob(kit: AuthTestKit): Promise<void> {
  const createUser = createUserUseCase({ users: kit.users, hasher: kit.hasher });
  await createUser({ id: "alice", username: "alice", password: "alice-password", roles: ["admin"] });
  await createUser({ id: "bob", username: "bob", password: "bob-password" });
}
