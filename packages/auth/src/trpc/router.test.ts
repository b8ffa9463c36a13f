import { createCallerFactory } from "@repo/core-trpc";
import type { RequestContext } from "@repo/core-trpc";
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { changeUserRolesUseCase } from "../use-cases/change-user-roles";
import { listUsersUseCase } from "../use-cases/list-users";
import { createAuthRouter } from "./router";

const ALICE: RequestContext["user"] = { userId: "alice", roles: ["admin"], sessionId: "s1" };
const BOB: RequestContext["user"] = { userId: "bob", roles: [], sessionId: "s2" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

/** A caller per user over the real use cases; `reauthenticated` records whose sockets were re-checked. */
function callersOver(kit: AuthTestKit, reauthenticated: string[]) {
  const realtimeServer = { reauthenticateUser: async (userId: string) => void reauthenticated.push(userId) };
  const createCaller = createCallerFactory(
    createAuthRouter({ listUsers: listUsersUseCase(kit), changeUserRoles: changeUserRolesUseCase({ users: kit.users, realtimeServer }) }),
  );
  return (user: RequestContext["user"]) => createCaller({ user, requestId: "r" });
}

describe("auth router", () => {
  let kit: AuthTestKit;
  let reauthenticated: string[];
  let caller: ReturnType<typeof callersOver>;

  beforeEach(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    reauthenticated = [];
    caller = callersOver(kit, reauthenticated);
  });

  it("me answers the signed-in user's id and roles", async () => {
    expect(await caller(ALICE).me()).toEqual({ id: "alice", roles: ["admin"] });
  });

  it("me answers null when signed out", async () => {
    expect(await caller(null).me()).toBeNull();
  });

  it("listUsers answers every account, oldest first, without a hash", async () => {
    expect(await caller(ALICE).listUsers()).toEqual([
      { id: "alice", username: "alice", roles: ["admin"] },
      { id: "bob", username: "bob", roles: [] },
    ]);
  });

  it("setRoles replaces the roles, answers { id, roles } and re-checks that user's sockets", async () => {
    expect(await caller(ALICE).setRoles({ userId: "bob", roles: ["admin", "editor"] })).toEqual({ id: "bob", roles: ["admin", "editor"] });
    expect((await kit.users.findById("bob"))?.roles).toEqual(["admin", "editor"]);
    expect(reauthenticated).toEqual(["bob"]);
    expect(await caller(ALICE).setRoles({ userId: "bob", roles: [] })).toEqual({ id: "bob", roles: [] });
  });

  it("setRoles refuses to demote the last admin (CONFLICT, LAST_ADMIN first in the message) and re-checks no socket", async () => {
    const refusal = caller(ALICE).setRoles({ userId: "alice", roles: [] });
    await expect(refusal).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^LAST_ADMIN: /) as unknown });
    expect((await kit.users.findById("alice"))?.roles).toEqual(["admin"]);
    expect(reauthenticated).toEqual([]);
  });

  it.each([
    { who: "a guest", user: null, code: "UNAUTHORIZED" },
    { who: "a user without the admin role", user: BOB, code: "FORBIDDEN" },
  ])("refuses listUsers and setRoles to $who ($code) and changes nothing", async ({ user, code }) => {
    expect(await codeOf(caller(user).listUsers())).toBe(code);
    expect(await codeOf(caller(user).setRoles({ userId: "bob", roles: ["admin"] }))).toBe(code);
    expect((await kit.users.findById("bob"))?.roles).toEqual([]);
    expect(reauthenticated).toEqual([]);
  });

  it.each([
    { case: "a malformed role", input: { userId: "bob", roles: ["{admin}"] } },
    { case: "roles missing", input: { userId: "bob" } },
    { case: "an extra field", input: { userId: "bob", roles: [], username: "root" } },
    { case: "an empty user id", input: { userId: "", roles: [] } },
  ])("answers BAD_REQUEST to setRoles with $case", async ({ input }) => {
    expect(await codeOf(caller(ALICE).setRoles(input as never))).toBe("BAD_REQUEST");
    expect((await kit.users.findById("bob"))?.roles).toEqual([]);
  });

  it("answers NOT_FOUND to setRoles for an unknown user", async () => {
    expect(await codeOf(caller(ALICE).setRoles({ userId: "carol", roles: ["admin"] }))).toBe("NOT_FOUND");
  });
});
