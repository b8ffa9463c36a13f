declare const tokenType: unique symbol;

/**
 * A typed key for a {@link Container} binding. Two tokens are different keys
 * even when their descriptions match, so features cannot collide by name.
 */
export interface Token<T> {
  readonly key: symbol;
  /** Names the binding in errors, e.g. `auth.signIn`. */
  readonly description: string;
  /** Carries `T` for the type checker only; never set at runtime. */
  readonly [tokenType]?: T;
}

/**
 * Creates a token for values of type `T`.
 *
 * @example
 * export const AuthSymbols = { userRepository: token<IUserRepository>("auth.userRepository") };
 */
export function token<T>(description: string): Token<T> {
  return Object.freeze({ key: Symbol(description), description });
}
