import type { AppDatabase } from "@repo/core-database";
import { SqlUserRepository } from "./repositories/sql-user-repository";
import { Argon2PasswordHasher } from "./services/argon2-password-hasher";
import { createAccountUseCase } from "./use-cases/create-account";
import type { CreateAccount } from "./use-cases/create-account";
import { createUserUseCase } from "./use-cases/create-user";

/**
 * Account creation straight on the system of record, without a running app
 * (the `user:create` command): the SQL users table, the production argon2id
 * hasher and the sign-up rules. `database` must be migrated (`authMigrations`).
 *
 * @example
 * const result = await createAccountOnDatabase(database)({ username: "root", password }, ["admin"]);
 */
export function createAccountOnDatabase(database: AppDatabase): CreateAccount {
  return createAccountUseCase({ createUser: createUserUseCase({ users: new SqlUserRepository(database), hasher: new Argon2PasswordHasher() }) });
}
