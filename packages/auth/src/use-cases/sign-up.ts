import type { Session } from "../domain/session";
import type { PublicUser } from "../domain/user";
import { createAccountUseCase } from "./create-account";
import type { CreateUser } from "./create-user";
import type { OpenSession } from "./open-session";

export interface SignUpDeps {
  readonly createUser: CreateUser;
  readonly openSession: OpenSession;
}

/** A broken rule or a taken username are expected outcomes, so they are values. */
type SignUpResult =
  | { readonly ok: true; readonly token: string; readonly session: Session; readonly user: PublicUser }
  | { readonly ok: false; readonly code: "INVALID_INPUT" | "USERNAME_TAKEN"; readonly message: string };

export type SignUp = (input: unknown) => Promise<SignUpResult>;

/**
 * Creates an account with no roles and signs it in. The password is hashed
 * before the username is tried (see `createAccountUseCase`), so a taken
 * username costs the same hash as a free one: beyond the 409 the contract
 * requires, timing tells nothing. The insert relies on the unique index, so
 * two sign-ups racing for one name give one account and one 409.
 *
 * @example
 * const signUp = signUpUseCase({ createUser, openSession });
 * const result = await signUp({ username: "carol", password: "carol-password" });
 */
export function signUpUseCase(deps: SignUpDeps): SignUp {
  const createAccount = createAccountUseCase(deps);
  return async (input) => {
    const created = await createAccount(input);
    if (!created.ok) return created;
    const { token, session } = await deps.openSession(created.user.id);
    return { ok: true, token, session, user: created.user };
  };
}
