import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { createSessionTokenSigner } from "../services/session-token";
import { authenticateSessionUseCase } from "./authenticate-session";
import type { AuthenticateSession } from "./authenticate-session";
import { signInUseCase } from "./sign-in";

describe("authenticateSession", () => {
  let kit: AuthTestKit;
  let authenticate: AuthenticateSession;
  let aliceToken: string;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    authenticate = authenticateSessionUseCase({ ...kit, now: kit.clock.now });
    const result = await signInUseCase({ ...kit, ttlSeconds: 60, now: kit.clock.now })({ username: "alice", password: "alice-password" });
    if (!result.ok) throw new Error("seed sign-in failed");
    aliceToken = result.token;
  });

  it("resolves a valid token to the user, their roles and the session", async () => {
    const result = await authenticate(aliceToken);
    expect(result).toEqual({
      kind: "authenticated",
      user: { userId: "alice", roles: ["admin"], displayName: "alice", sessionId: kit.tokens.verify(aliceToken), expiresAt: kit.clock.now() + 60_000 },
    });
  });

  it("rejects a forged token as invalid-signature", async () => {
    const forged = createSessionTokenSigner("attacker-secret").sign(kit.tokens.verify(aliceToken)!);
    expect(await authenticate(forged)).toEqual({ kind: "rejected", reason: "invalid-signature" });
  });

  it("rejects a revoked session as no-session", async () => {
    await kit.sessions.delete(kit.tokens.verify(aliceToken)!);
    expect(await authenticate(aliceToken)).toEqual({ kind: "rejected", reason: "no-session" });
  });

  it("rejects an expired session", async () => {
    kit.clock.advance(60_001);
    expect(await authenticate(aliceToken)).toMatchObject({ kind: "rejected" });
  });

  it("rejects a session past expiresAt even when a store still returns it", async () => {
    const sessionId = kit.tokens.verify(aliceToken)!;
    const stale = { id: sessionId, userId: "alice", createdAt: 0, expiresAt: kit.clock.now() - 1 };
    const lenient = authenticateSessionUseCase({ ...kit, sessions: { create: (s) => kit.sessions.create(s), delete: (id) => kit.sessions.delete(id), get: async () => stale }, now: kit.clock.now });
    expect(await lenient(aliceToken)).toEqual({ kind: "rejected", reason: "expired" });
  });

  it("rejects a session whose user no longer exists", async () => {
    const sessionId = kit.tokens.verify(aliceToken)!;
    await kit.sessions.create({ id: `${sessionId}x`, userId: "ghost", createdAt: kit.clock.now(), expiresAt: kit.clock.now() + 1000 });
    expect(await authenticate(kit.tokens.sign(`${sessionId}x`))).toEqual({ kind: "rejected", reason: "unknown-user" });
  });
});
