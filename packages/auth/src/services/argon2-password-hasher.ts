import { hash, verify } from "@node-rs/argon2";
import type { IPasswordHasher } from "./password-hasher";

export interface Argon2Options {
  /** KiB per hash; the library default (19 MiB) follows the OWASP minimum for argon2id. */
  readonly memoryCost?: number;
  readonly timeCost?: number;
}

/**
 * argon2id through `@node-rs/argon2` (native, off the event loop). Hashes are
 * PHC strings that carry their own parameters, so raising the cost later
 * still verifies old hashes.
 *
 * @example
 * const hasher = new Argon2PasswordHasher();
 * const stored = await hasher.hash("alice-password");
 * await hasher.verify(stored, "alice-password"); // true
 */
export class Argon2PasswordHasher implements IPasswordHasher {
  readonly #options: Argon2Options;

  constructor(options: Argon2Options = {}) {
    this.#options = options;
  }

  async hash(password: string): Promise<string> {
    return hash(password, { ...this.#options });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    if (!stored.startsWith("$argon2")) return false;
    return verify(stored, password);
  }
}
