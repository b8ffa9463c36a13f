import { DuplicateBindingError, MissingBindingError } from "./container-errors";
import type { Token } from "./token";

/**
 * One feature's bindings (ADR-008): values, not factories, bound once while
 * the feature wires itself and read afterwards.
 */
export interface Container {
  readonly name: string;
  /** Binds `value` to `token`; throws `DuplicateBindingError` when the token is already bound. */
  bind<T>(token: Token<T>, value: T): void;
  /** The value bound to `token`; throws `MissingBindingError` when there is none. */
  get<T>(token: Token<T>): T;
  has(token: Token<unknown>): boolean;
  /** Descriptions of every bound token, in binding order (for wiring tests and diagnostics). */
  boundTokens(): readonly string[];
}

/**
 * Creates an empty container named after its feature.
 *
 * @example
 * const container = createContainer("auth");
 * container.bind(AuthSymbols.userRepository, new InMemoryUserRepository());
 * container.get(AuthSymbols.userRepository);
 */
export function createContainer(name: string): Container {
  const values = new Map<symbol, { readonly description: string; readonly value: unknown }>();
  return {
    name,
    bind<T>(token: Token<T>, value: T): void {
      if (values.has(token.key)) throw new DuplicateBindingError(token.description, name);
      values.set(token.key, { description: token.description, value });
    },
    get<T>(token: Token<T>): T {
      const entry = values.get(token.key);
      if (entry === undefined) throw new MissingBindingError(token.description, name);
      // The only way in is bind(token, value: T), so the entry holds a T.
      return entry.value as T;
    },
    has: (token) => values.has(token.key),
    boundTokens: () => [...values.values()].map((entry) => entry.description),
  };
}
