import { beforeEach, describe, expect, it, vi } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { createUserUseCase } from "./create-user";
import { openSessionFor } from "./open-session";
import { signUpUseCase } from "./sign-up";
import type { SignUp } from "./sign-up";

describe("signUp", () => {
  let kit: AuthTestKit;
  let signUp: SignUp;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    signUp = signUpUseCase({
      createUser: createUserUseCase({ users: kit.users, hasher: kit.hasher }),
      openSession: openSessionFor({ ...kit, ttlSeconds: 3600, now: kit.clock.now }),
    });
  });

  it("creates an account with no roles and signs it in", async () => {
    const result = await signUp({ username: "carol", password: "carol-password-1" });
    if (!result.ok) throw new Error(result.message);
    expect(result.user.roles).toEqual([]);
    expect(kit.tokens.verify(result.token)).toBe(result.session.id);
    expect((await kit.users.findByUsername("carol"))?.id).toBe(result.user.id);
  });

  it("answers USERNAME_TAKEN for a taken name in any case, after hashing all the same", async () => {
    const hash = vi.spyOn(kit.hasher, "hash");
    expect(await signUp({ username: "ALICE", password: "another-password" })).toMatchObject({ ok: false, code: "USERNAME_TAKEN" });
    expect(hash).toHaveBeenCalledTimes(1);
    expect(kit.sessions.size).toBe(0);
  });

  it.each([
    { case: "a short username", input: { username: "ab", password: "long-enough-pw" } },
    { case: "a username with spaces", input: { username: "a b c", password: "long-enough-pw" } },
    { case: "a short password", input: { username: "carol", password: "short" } },
    { case: "a password equal to the username", input: { username: "carolcarol", password: "CAROLCAROL" } },
    { case: "a missing password", input: { username: "carol" } },
    { case: "an extra field", input: { username: "carol", password: "long-enough-pw", roles: ["admin"] } },
  ])("answers INVALID_INPUT for $case and creates nobody", async ({ input }) => {
    const result = await signUp(input);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!result.ok && result.message.length > 0).toBe(true);
    expect(await kit.users.list()).toHaveLength(2);
  });
});
