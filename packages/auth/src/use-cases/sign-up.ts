import type { Session } from "../domain/session";
import { accountRuleViolation, ZSignUpRequest } from "../domain/account-rules";
import type { PublicUser } from "../domain/user";
import { UserAlreadyExistsError } from "../repositories/user-repository";
import type { CreateUser } from "./create-user";
import type { OpenSession } from "./open-session";

export interface SignUpDeps {
  readonly createUser: CreateUser;
  readonly openSession: OpenSession;
}

/** A broken rule or a taken username are expected outcomes, so they are values. */
export type SignUpResult =
  | { readonly ok: true; readonly token: string; readonly session: Session; readonly user: PublicUser }
  | { readonly ok: false; readonly code: "INVALID_INPUT" | "USERNAME_TAKEN"; readonly message: string };

export type SignUp = (input: unknown) => Promise<SignUpResult>;

/**
 * Creates an account with no roles and signs it in. The password is hashed
 * before the username is tried (createUser hashes, then inserts), so a taken
 * username costs the same hash as a free one: beyond the 409 the contract
 * requires, timing tells nothing. The insert relies on the unique index, so
 * two sign-ups racing for one name give one account and one 409.
 *
 * @example
 * const signUp = signUpUseCase({ createUser, openSession });
 * const result = await signUp({ username: "carol", password: "carol-password" });
 */
export function signUpUseCase(deps: SignUpDeps): SignUp {
  return async (input) => {
    const violation = accountRuleViolation(input);
    if (violation !== null) return { ok: false, code: "INVALID_INPUT", message: violation };
    const { username, password } = ZSignUpRequest.parse(input);
    let user: PublicUser;
    try {
      user = await deps.createUser({ username, password, roles: [] });
    } catch (error) {
      if (!(error instanceof UserAlreadyExistsError)) throw error;
      return { ok: false, code: "USERNAME_TAKEN", message: "That username is taken; choose another" };
    }
    const { token, session } = await deps.openSession(user.id);
    return { ok: true, token, session, user };
  };
}
