import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { User } from "../domain/user";
import { LastAdminError, UserAlreadyExistsError } from "../repositories/user-repository";
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
    const user = uniqueUser({ roles: ["reader"] });
    await users.add(user);
    expect(await users.setRoles(user.id, ["editor", "editor"])).toEqual({ ...user, roles: ["editor"] });
    expect((await users.findByUsername(user.username))?.roles).toEqual(["editor"]);
    expect(await users.setRoles(user.id, [])).toEqual({ ...user, roles: [] });
    expect(await users.setRoles(`${user.id}-nobody`, ["admin"])).toBeNull();
    expect(await users.findById(`${user.id}-nobody`)).toBeNull();
  });

  it("refuses (LAST_ADMIN) to take admin from the last admin, writing nothing; allows it once another admin exists", async () => {
    const users = repository();
    const last = uniqueUser({ roles: ["admin", "editor"] });
    const reader = uniqueUser({ roles: ["reader"] });
    await users.add(last);
    await users.add(reader);
    await keepOnlyAdmins(users, [last.id]);

    const refusal = users.setRoles(last.id, ["editor"]);
    await expect(refusal).rejects.toBeInstanceOf(LastAdminError);
    await expect(refusal).rejects.toMatchObject({ code: "LAST_ADMIN" });
    expect((await users.findById(last.id))?.roles).toEqual(["admin", "editor"]);
    // Other changes go on: the last admin keeping the role, and anyone else's roles.
    expect(await users.setRoles(last.id, ["admin"])).toEqual({ ...last, roles: ["admin"] });
    expect(await users.setRoles(reader.id, [])).toEqual({ ...reader, roles: [] });

    await users.setRoles(reader.id, ["admin"]);
    expect(await users.setRoles(last.id, [])).toEqual({ ...last, roles: [] });
    await expect(users.setRoles(reader.id, [])).rejects.toBeInstanceOf(LastAdminError);
  });

  it("lets only one of two concurrent demotions of the last two admins succeed", async () => {
    const users = repository();
    const first = uniqueUser();
    const second = uniqueUser();
    await users.add(first);
    await users.add(second);
    await keepOnlyAdmins(users, [first.id, second.id]);
    // Several rounds: without the check inside one transaction, both would read "one other admin" and commit.
    for (let round = 0; round < 5; round += 1) {
      const outcomes = await Promise.allSettled([users.setRoles(first.id, []), users.setRoles(second.id, [])]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toBeInstanceOf(LastAdminError);
      expect(await adminIds(users)).toHaveLength(1);
      // Back to two admins for the next round.
      await users.setRoles(first.id, ["admin"]);
      await users.setRoles(second.id, ["admin"]);
    }
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

async function adminIds(users: IUserRepository): Promise<string[]> {
  return (await users.list()).filter((user) => user.roles.includes("admin")).map((user) => user.id);
}

/** Demotes every admin but `keep` (other tests share the store), so the last-admin rule can be reached. */
async function keepOnlyAdmins(users: IUserRepository, keep: readonly string[]): Promise<void> {
  for (const user of await users.list()) {
    if (user.roles.includes("admin") && !keep.includes(user.id)) await users.setRoles(user.id, user.roles.filter((role) => role !== "admin"));
  }
  expect((await adminIds(users)).sort()).toEqual([...keep].sort());
}
