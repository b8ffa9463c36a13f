import type { IUserRepository } from "../repositories/user-repository";
import { UserAlreadyExistsError } from "../repositories/user-repository";
import type { CreateUser, CreateUserInput } from "../use-cases/create-user";

/** The dev seed accounts (README lists them). Passwords are public: never seed these in a real deployment. */
export const DEV_SEED_USERS: readonly CreateUserInput[] = [
  { id: "alice", username: "alice", password: "alice-password", roles: ["admin"] },
  { id: "bob", username: "bob", password: "bob-password", roles: [] },
];

/**
 * Creates the dev seed users through the real use case (hashing included),
 * idempotently: a user already stored (a restart, or another instance that
 * seeded first) is left as it is, roles included, so a restart duplicates
 * nothing and undoes no role change.
 *
 * @example
 * await seedAuthUsers(container.get(AuthSymbols.createUser), container.get(AuthSymbols.userRepository));
 */
export async function seedAuthUsers(createUser: CreateUser, users: IUserRepository, seed: readonly CreateUserInput[] = DEV_SEED_USERS): Promise<void> {
  for (const input of seed) {
    if (input.id !== undefined && (await users.findById(input.id)) !== null) continue;
    try {
      await createUser(input);
    } catch (error) {
      // Another instance seeding the same database at the same moment won the insert.
      if (!(error instanceof UserAlreadyExistsError)) throw error;
    }
  }
}
