import { RealtimeError } from "@repo/core-realtime";
import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { createSessionTokenSigner } from "../services/session-token";
import { authenticateSessionUseCase } from "../use-cases/authenticate-session";
import { signInUseCase } from "../use-cases/sign-in";
import { SessionRealtimeAuthenticator } from "./session-realtime-authenticator";

describe("SessionRealtimeAuthenticator", () => {
  let kit: AuthTestKit;
  let authenticator: SessionRealtimeAuthenticator;
  let aliceToken: string;
  let bobToken: string;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    authenticator = new SessionRealtimeAuthenticator(authenticateSessionUseCase({ ...kit, now: kit.clock.now }));
    const signIn = signInUseCase({ ...kit, ttlSeconds: 60, now: kit.clock.now });
    const alice = await signIn({ username: "alice", password: "alice-password" });
    const bob = await signIn({ username: "bob", password: "bob-password" });
    if (!alice.ok || !bob.ok) throw new Error("seed sign-in failed");
    aliceToken = alice.token;
    bobToken = bob.token;
  });

  it.each([
    { case: "nothing", credentials: {} },
    { case: "a cookie header without the session cookie", credentials: { cookieHeader: "theme=dark" } },
    { case: "an empty token", credentials: { token: "  " } },
  ])("answers null (anonymous) for $case", async ({ credentials }) => {
    expect(await authenticator.authenticate(credentials)).toBeNull();
  });

  it("reads the session cookie (browsers)", async () => {
    expect(await authenticator.authenticate({ cookieHeader: `theme=dark; session=${aliceToken}` })).toMatchObject({
      userId: "alice",
      roles: ["admin"],
      sessionId: kit.tokens.verify(aliceToken),
      expiresAt: kit.clock.now() + 60_000,
    });
  });

  it("reads auth.token (other clients), preferring it over a cookie", async () => {
    expect(await authenticator.authenticate({ token: bobToken, cookieHeader: `session=${aliceToken}` })).toMatchObject({ userId: "bob", roles: [] });
  });

  it.each([
    { case: "forged", token: () => createSessionTokenSigner("attacker").sign("x") },
    { case: "garbage", token: () => "not-a-token" },
  ])("throws UNAUTHENTICATED for a $case token", async ({ token }) => {
    await expect(authenticator.authenticate({ token: token() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("throws UNAUTHENTICATED for an expired session", async () => {
    kit.clock.advance(60_001);
    await expect(authenticator.authenticate({ cookieHeader: `session=${aliceToken}` })).rejects.toBeInstanceOf(RealtimeError);
  });

  it("throws UNAUTHENTICATED for a revoked session", async () => {
    await kit.sessions.delete(kit.tokens.verify(aliceToken)!);
    await expect(authenticator.authenticate({ token: aliceToken })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Session has ended; sign in again",
    });
  });
});
