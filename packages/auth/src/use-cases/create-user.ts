import { randomUUID } from "node:crypto";
import { toPublicUser } from "../domain/user";
import type { PublicUser } from "../domain/user";
import type { IUserRepository } from "../repositories/user-repository";
import type { IPasswordHasher } from "../services/password-hasher";

export interface CreateUserDeps {
  readonly users: IUserRepository;
  readonly hasher: IPasswordHasher;
  readonly newId?: () => string;
}

export interface CreateUserInput {
  /** Stable id for seed data; a random UUID otherwise. Ids appear in channel names, so no dots. */
  readonly id?: string;
  readonly username: string;
  readonly password: string;
  readonly roles?: readonly string[];
}

export type CreateUser = (input: CreateUserInput) => Promise<PublicUser>;

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Registers a user with a hashed password. Throws `UserAlreadyExistsError`
 * for a taken id or username.
 *
 * @example
 * const createUser = createUserUseCase({ users, hasher });
 * await createUser({ id: "alice", username: "alice", password: "alice-password", roles: ["admin"] });
 */
export function createUserUseCase(deps: CreateUserDeps): CreateUser {
  const newId = deps.newId ?? randomUUID;
  return async (input) => {
    const id = input.id ?? newId();
    if (!USER_ID.test(id)) throw new Error(`Invalid user id "${id}": use letters, digits, "_" or "-"`);
    if (input.username.trim() === "") throw new Error("Username must not be empty");
    if (input.password.length === 0) throw new Error("Password must not be empty");
    const passwordHash = await deps.hasher.hash(input.password);
    const user = { id, username: input.username, passwordHash, roles: [...(input.roles ?? [])] };
    await deps.users.add(user);
    return toPublicUser(user);
  };
}
