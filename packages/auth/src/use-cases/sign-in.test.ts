import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { signInUseCase } from "./sign-in";
import type { SignIn } from "./sign-in";

describe("signIn", () => {
  let kit: AuthTestKit;
  let signIn: SignIn;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    signIn = signInUseCase({ ...kit, ttlSeconds: 3600, now: kit.clock.now });
  });

  it("opens a session for the right password and returns a signed token for it", async () => {
    const result = await signIn({ username: "alice", password: "alice-password" });
    if (!result.ok) throw new Error("expected success");
    expect(result.user).toEqual({ id: "alice", roles: ["admin"] });
    expect(result.session).toMatchObject({ userId: "alice", createdAt: kit.clock.now(), expiresAt: kit.clock.now() + 3_600_000 });
    expect(kit.tokens.verify(result.token)).toBe(result.session.id);
    expect(await kit.sessions.get(result.session.id)).toEqual(result.session);
  });

  it("gives each sign-in its own session", async () => {
    const first = await signIn({ username: "bob", password: "bob-password" });
    const second = await signIn({ username: "bob", password: "bob-password" });
    expect(first.ok && second.ok && first.session.id !== second.session.id).toBe(true);
  });

  it.each([
    { case: "a wrong password", username: "alice", password: "bob-password" },
    { case: "an unknown user", username: "mallory", password: "alice-password" },
    { case: "another user's password", username: "bob", password: "alice-password" },
  ])("answers INVALID_CREDENTIALS for $case and opens no session", async ({ username, password }) => {
    expect(await signIn({ username, password })).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(kit.sessions.size).toBe(0);
  });
});
