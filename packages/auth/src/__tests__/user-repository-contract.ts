import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { User } from "../domain/user";
import { UserAlreadyExistsError } from "../repositories/user-repository";
import type { IUserRepository } from "../repositories/user-repository";

/** A user with a unique id and username, so tests sharing one database never collide. */
function uniqueUser(overrides: Partial<User> = {}): User {
  const suffix = randomUUID().slice(0, 8);
  return { id: `u-${suffix}`, username: `User-${suffix}`, passwordHash: "$argon2id$v=19$x", roles: ["admin"], ...overrides };
}

/**
 * The one contract every `IUserRepository` passes (SQL on PGlite and on
 * PostgreSQL, and the in-memory test double), so they cannot drift apart.
 * `repository()` may return the same store for every test: users are unique per test.
 *
 * @example
 * userRepositoryContract(() => new InMemoryUserRepository());
 */
export function userRepositoryContract(repository: () => IUserRepository): void {
  it("finds a user by id and by username, case-insensitively", async () => {
    const users = repository();
    const user = uniqueUser();
    await users.add(user);
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findByUsername(user.username.toLowerCase())).toEqual(user);
    expect(await users.findByUsername(user.username.toUpperCase())).toEqual(user);
    expect(await users.findByUsername(`${user.username}-nobody`)).toBeNull();
    expect(await users.findById(`${user.id}-nobody`)).toBeNull();
  });

  it.each([
    { clash: "id", change: (user: User): User => ({ ...user, username: `${user.username}-other` }) },
    { clash: "username (other case)", change: (user: User): User => ({ ...user, id: `${user.id}-other`, username: user.username.toUpperCase() }) },
  ])("refuses a second user with the same $clash", async ({ change }) => {
    const users = repository();
    const user = uniqueUser();
    await users.add(user);
    await expect(users.add(change(user))).rejects.toBeInstanceOf(UserAlreadyExistsError);
    expect(await users.findById(user.id)).toEqual(user);
  });

  it("keeps its own copy: mutating the added object changes nothing stored", async () => {
    const users = repository();
    const roles = ["admin"];
    const user = uniqueUser({ roles });
    await users.add(user);
    roles.push("root");
    expect((await users.findById(user.id))?.roles).toEqual(["admin"]);
  });

  it("replaces roles (de-duplicated) for a known user and answers null for an unknown one", async () => {
    const users = repository();
    const user = uniqueUser();
    await users.add(user);
    expect(await users.setRoles(user.id, ["editor", "editor"])).toEqual({ ...user, roles: ["editor"] });
    expect((await users.findByUsername(user.username))?.roles).toEqual(["editor"]);
    expect(await users.setRoles(user.id, [])).toEqual({ ...user, roles: [] });
    expect(await users.setRoles(`${user.id}-nobody`, ["admin"])).toBeNull();
    expect(await users.findById(`${user.id}-nobody`)).toBeNull();
  });

  it("lists every user, oldest first", async () => {
    const users = repository();
    const first = uniqueUser({ roles: [] });
    const second = uniqueUser();
    await users.add(first);
    await users.add(second);
    const ids = (await users.list()).map((user) => user.id);
    expect(ids).toContain(first.id);
    expect(ids.indexOf(second.id)).toBeGreaterThan(ids.indexOf(first.id));
    expect((await users.list()).find((user) => user.id === first.id)).toEqual(first);
  });
}
