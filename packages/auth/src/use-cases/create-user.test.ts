import { describe, expect, it } from "vitest";
import { createAuthTestKit } from "../__tests__/auth-test-kit";
import { UserAlreadyExistsError } from "../repositories/user-repository";
import { createUserUseCase } from "./create-user";

describe("createUser", () => {
  it("stores the user with a password hash, never the password, and returns only id and roles", async () => {
    const kit = createAuthTestKit();
    const createUser = createUserUseCase({ users: kit.users, hasher: kit.hasher });
    const created = await createUser({ id: "alice", username: "alice", password: "alice-password", roles: ["admin"] });
    expect(created).toEqual({ id: "alice", roles: ["admin"] });
    const stored = await kit.users.findByUsername("alice");
    expect(stored?.passwordHash).not.toContain("alice-password");
    expect(await kit.hasher.verify(stored!.passwordHash, "alice-password")).toBe(true);
  });

  it("generates an id when none is given and defaults roles to none", async () => {
    const kit = createAuthTestKit();
    const createUser = createUserUseCase({ users: kit.users, hasher: kit.hasher, newId: () => "generated-1" });
    expect(await createUser({ username: "carol", password: "pw" })).toEqual({ id: "generated-1", roles: [] });
  });

  it("refuses a taken username", async () => {
    const kit = createAuthTestKit();
    const createUser = createUserUseCase({ users: kit.users, hasher: kit.hasher });
    await createUser({ username: "dave", password: "pw" });
    await expect(createUser({ username: "Dave", password: "pw2" })).rejects.toBeInstanceOf(UserAlreadyExistsError);
  });

  it.each([
    { case: "an id with a dot (ids appear in channel names)", input: { id: "a.b", username: "x", password: "pw" }, message: "Invalid user id" },
    { case: "an empty username", input: { username: "  ", password: "pw" }, message: "Username must not be empty" },
    { case: "an empty password", input: { username: "x", password: "" }, message: "Password must not be empty" },
  ])("refuses $case", async ({ input, message }) => {
    const kit = createAuthTestKit();
    await expect(createUserUseCase({ users: kit.users, hasher: kit.hasher })(input)).rejects.toThrow(message);
  });
});
