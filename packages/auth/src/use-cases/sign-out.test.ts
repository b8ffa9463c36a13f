import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { createSessionTokenSigner } from "../services/session-token";
import { signInUseCase } from "./sign-in";
import type { SignInResult } from "./sign-in";
import { signOutUseCase } from "./sign-out";

/** Records what the use case asked the realtime server to do (the unit under test is the caller). */
function recordingRealtimeServer() {
  const disconnected: string[] = [];
  return { disconnected, disconnectSession: async (sessionId: string) => void disconnected.push(sessionId) };
}

function sessionOf(result: SignInResult): { token: string; sessionId: string } {
  if (!result.ok) throw new Error("sign-in failed");
  return { token: result.token, sessionId: result.session.id };
}

describe("signOut", () => {
  let kit: AuthTestKit;
  let alice: { token: string; sessionId: string };
  let bob: { token: string; sessionId: string };

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    const signIn = signInUseCase({ ...kit, ttlSeconds: 60, now: kit.clock.now });
    alice = sessionOf(await signIn({ username: "alice", password: "alice-password" }));
    bob = sessionOf(await signIn({ username: "bob", password: "bob-password" }));
  });

  it("deletes that session only and disconnects only its sockets", async () => {
    const realtime = recordingRealtimeServer();
    const signOut = signOutUseCase({ sessions: kit.sessions, tokens: kit.tokens, realtimeServer: realtime });
    expect(await signOut(alice.token)).toEqual({ signedOut: true });
    expect(await kit.sessions.get(alice.sessionId)).toBeNull();
    expect(await kit.sessions.get(bob.sessionId)).not.toBeNull();
    expect(realtime.disconnected).toEqual([alice.sessionId]);
  });

  it("still disconnects the sockets of a validly signed session that already ended", async () => {
    const realtime = recordingRealtimeServer();
    const signOut = signOutUseCase({ sessions: kit.sessions, tokens: kit.tokens, realtimeServer: realtime });
    await signOut(alice.token);
    expect(await signOut(alice.token)).toEqual({ signedOut: false });
    expect(realtime.disconnected).toEqual([alice.sessionId, alice.sessionId]);
  });

  it("does nothing for a forged token", async () => {
    const realtime = recordingRealtimeServer();
    const signOut = signOutUseCase({ sessions: kit.sessions, tokens: kit.tokens, realtimeServer: realtime });
    const forged = createSessionTokenSigner("other").sign(alice.sessionId);
    expect(await signOut(forged)).toEqual({ signedOut: false });
    expect(await kit.sessions.get(alice.sessionId)).not.toBeNull();
    expect(realtime.disconnected).toEqual([]);
  });

  it("works without a realtime server", async () => {
    const signOut = signOutUseCase({ sessions: kit.sessions, tokens: kit.tokens, realtimeServer: null });
    expect(await signOut(bob.token)).toEqual({ signedOut: true });
  });
});
