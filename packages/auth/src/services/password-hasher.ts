/** Turns passwords into stored hashes and checks them; the algorithm is the implementation's business. */
export interface IPasswordHasher {
  hash(password: string): Promise<string>;
  /** `true` when `password` matches `hash`; `false` for a mismatch or a hash it cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
}
