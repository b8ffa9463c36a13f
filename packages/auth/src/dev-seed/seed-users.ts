import type { CreateUser, CreateUserInput } from "../use-cases/create-user";

/** The dev seed accounts (README lists them). Passwords are public: never seed these in a real deployment. */
export const DEV_SEED_USERS: readonly CreateUserInput[] = [
  { id: "alice", username: "alice", password: "alice-password", roles: ["admin"] },
  { id: "bob", username: "bob", password: "bob-password", roles: [] },
];

/**
 * Creates the dev seed users through the real use case (hashing included).
 *
 * @example
 * await seedAuthUsers(container.get(AuthSymbols.createUser));
 */
export async function seedAuthUsers(createUser: CreateUser, users: readonly CreateUserInput[] = DEV_SEED_USERS): Promise<void> {
  await Promise.all(users.map((user) => createUser(user)));
}
