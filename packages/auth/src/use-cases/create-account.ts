import { accountRuleViolation, ZSignUpRequest } from "../domain/account-rules";
import type { PublicUser } from "../domain/user";
import { UserAlreadyExistsError } from "../repositories/user-repository";
import type { CreateUser } from "./create-user";

export interface CreateAccountDeps {
  readonly createUser: CreateUser;
}

/** A broken rule or a taken username are expected outcomes, so they are values. */
type CreateAccountResult =
  | { readonly ok: true; readonly user: PublicUser }
  | { readonly ok: false; readonly code: "INVALID_INPUT" | "USERNAME_TAKEN"; readonly message: string };

/** `input` is untrusted (`{ username, password }` from a request or a command); `roles` come from the caller's code. */
export type CreateAccount = (input: unknown, roles?: readonly string[]) => Promise<CreateAccountResult>;

/**
 * Creates an account that meets the account rules (sign-up and the
 * `user:create` command share them). The password is hashed before the
 * insert is tried, so a taken username costs the same hash as a free one;
 * the unique index decides races.
 *
 * @example
 * const createAccount = createAccountUseCase({ createUser });
 * await createAccount({ username: "root", password: "a-long-password" }, ["admin"]);
 */
export function createAccountUseCase(deps: CreateAccountDeps): CreateAccount {
  return async (input, roles = []) => {
    const violation = accountRuleViolation(input);
    if (violation !== null) return { ok: false, code: "INVALID_INPUT", message: violation };
    const { username, password } = ZSignUpRequest.parse(input);
    try {
      return { ok: true, user: await deps.createUser({ username, password, roles }) };
    } catch (error) {
      if (!(error instanceof UserAlreadyExistsError)) throw error;
      return { ok: false, code: "USERNAME_TAKEN", message: "That username is taken; choose another" };
    }
  };
}
