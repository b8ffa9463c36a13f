import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import { LastAdminError } from "../repositories/user-repository";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { authenticateSessionUseCase } from "./authenticate-session";
import { changeUserRolesUseCase } from "./change-user-roles";
import { signInUseCase } from "./sign-in";

/** Records what the use case asked the realtime server to do (the unit under test is the caller). */
function recordingRealtimeServer() {
  const reauthenticated: string[] = [];
  return { reauthenticated, reauthenticateUser: async (userId: string) => void reauthenticated.push(userId) };
}

describe("changeUserRoles", () => {
  let kit: AuthTestKit;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
  });

  it("replaces the roles and re-authenticates that user's sockets, nobody else's", async () => {
    const realtime = recordingRealtimeServer();
    const changeUserRoles = changeUserRolesUseCase({ users: kit.users, realtimeServer: realtime });
    expect(await changeUserRoles({ userId: "bob", roles: ["editor"] })).toEqual({ id: "bob", roles: ["editor"] });
    expect(realtime.reauthenticated).toEqual(["bob"]);
    expect((await kit.users.findById("bob"))?.roles).toEqual(["editor"]);
    expect((await kit.users.findById("alice"))?.roles).toEqual(["admin"]);
  });

  it("refuses to demote the last admin (LastAdminError), changes nothing and re-authenticates no one", async () => {
    const realtime = recordingRealtimeServer();
    const changeUserRoles = changeUserRolesUseCase({ users: kit.users, realtimeServer: realtime });
    await expect(changeUserRoles({ userId: "alice", roles: [] })).rejects.toBeInstanceOf(LastAdminError);
    expect((await kit.users.findById("alice"))?.roles).toEqual(["admin"]);
    expect(realtime.reauthenticated).toEqual([]);
    // With a second admin, the demotion goes through.
    await changeUserRoles({ userId: "bob", roles: ["admin"] });
    expect(await changeUserRoles({ userId: "alice", roles: [] })).toEqual({ id: "alice", roles: [] });
  });

  it("applies to an existing session at its next check (roles are read from the user, not the session)", async () => {
    const signIn = signInUseCase({ ...kit, ttlSeconds: 60, now: kit.clock.now });
    const signedIn = await signIn({ username: "bob", password: "bob-password" });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const authenticate = authenticateSessionUseCase({ ...kit, now: kit.clock.now });
    await changeUserRolesUseCase({ users: kit.users, realtimeServer: null })({ userId: "bob", roles: ["admin"] });
    expect(await authenticate(signedIn.token)).toMatchObject({ kind: "authenticated", user: { userId: "bob", roles: ["admin"] } });
  });

  it("answers null for an unknown user and re-authenticates no one", async () => {
    const realtime = recordingRealtimeServer();
    expect(await changeUserRolesUseCase({ users: kit.users, realtimeServer: realtime })({ userId: "carol", roles: [] })).toBeNull();
    expect(realtime.reauthenticated).toEqual([]);
  });

  it("refuses a malformed role before touching the user", async () => {
    const changeUserRoles = changeUserRolesUseCase({ users: kit.users, realtimeServer: null });
    await expect(changeUserRoles({ userId: "alice", roles: ["admin", "{admin}"] })).rejects.toThrow(/Invalid role/);
    expect((await kit.users.findById("alice"))?.roles).toEqual(["admin"]);
  });
});
