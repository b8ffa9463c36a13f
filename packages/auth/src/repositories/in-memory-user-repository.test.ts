import { describe, expect, it } from "vitest";
import { InMemoryUserRepository } from "./in-memory-user-repository";
import { UserAlreadyExistsError } from "./user-repository";

const alice = { id: "alice", username: "Alice", passwordHash: "$argon2id$x", roles: ["admin"] };

describe("InMemoryUserRepository", () => {
  it("finds a user by id and by username, case-insensitively", async () => {
    const users = new InMemoryUserRepository();
    await users.add(alice);
    expect(await users.findById("alice")).toEqual(alice);
    expect(await users.findByUsername("alice")).toEqual(alice);
    expect(await users.findByUsername("ALICE")).toEqual(alice);
    expect(await users.findByUsername("bob")).toBeNull();
    expect(await users.findById("bob")).toBeNull();
  });

  it.each([
    { clash: "id", user: { ...alice, username: "other" } },
    { clash: "username", user: { ...alice, id: "other", username: "aLiCe" } },
  ])("refuses a second user with the same $clash", async ({ user }) => {
    const users = new InMemoryUserRepository();
    await users.add(alice);
    await expect(users.add(user)).rejects.toBeInstanceOf(UserAlreadyExistsError);
  });

  it("keeps its own copy: mutating the added object changes nothing stored", async () => {
    const users = new InMemoryUserRepository();
    const roles = ["admin"];
    await users.add({ ...alice, roles });
    roles.push("root");
    expect((await users.findById("alice"))?.roles).toEqual(["admin"]);
  });

  it("replaces roles (de-duplicated) for a known user and answers null for an unknown one", async () => {
    const users = new InMemoryUserRepository();
    await users.add(alice);
    expect(await users.setRoles("alice", ["editor", "editor"])).toMatchObject({ id: "alice", roles: ["editor"] });
    expect((await users.findByUsername("alice"))?.roles).toEqual(["editor"]);
    expect(await users.setRoles("bob", ["admin"])).toBeNull();
    expect(await users.findById("bob")).toBeNull();
  });
});
