import { describeRepositoryContract } from "@repo/core-database/testing";
import { expect, it } from "vitest";
import { createAccountOnDatabase } from "./create-account-on-database";
import { authMigrations } from "./migrations";
import { SqlUserRepository } from "./repositories/sql-user-repository";
import { Argon2PasswordHasher } from "./services/argon2-password-hasher";

describeRepositoryContract(
  "createAccountOnDatabase",
  ({ database }) => {
    it("stores an account with the given roles and an argon2id hash of the password", async () => {
      const result = await createAccountOnDatabase(database())({ username: "root", password: "root-password-1" }, ["admin"]);
      expect(result).toMatchObject({ ok: true, user: { roles: ["admin"] } });
      const stored = await new SqlUserRepository(database()).findByUsername("root");
      expect(stored?.roles).toEqual(["admin"]);
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await new Argon2PasswordHasher().verify(stored?.passwordHash ?? "", "root-password-1")).toBe(true);
    });

    it("answers USERNAME_TAKEN for a taken name in any case and leaves that account as it was", async () => {
      expect(await createAccountOnDatabase(database())({ username: "ROOT", password: "other-password" }, [])).toMatchObject({ ok: false, code: "USERNAME_TAKEN" });
      expect((await new SqlUserRepository(database()).findByUsername("root"))?.roles).toEqual(["admin"]);
    });

    it("answers INVALID_INPUT for a password that breaks the rules", async () => {
      expect(await createAccountOnDatabase(database())({ username: "admin2", password: "short" }, ["admin"])).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(await new SqlUserRepository(database()).findByUsername("admin2")).toBeNull();
    });
  },
  { migrations: [authMigrations] },
);
