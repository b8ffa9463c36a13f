import { createHash, timingSafeEqual } from "node:crypto";

/** Which configured key a request carried: its id is safe to log and to own idempotency keys; the key itself never leaves here. */
export interface ApiCaller {
  readonly keyId: string;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * The server API's keys (`REALTIME_API_KEYS`). A presented key is hashed and
 * compared with every configured key's hash in constant time, with no early
 * exit, so neither a key's content nor its position in the list shows in the
 * timing. Several keys allow rotation: add the new one, move callers, drop
 * the old one.
 *
 * @example
 * const caller = new ApiKeyRing(env.REALTIME_API_KEYS).identify(req.headers.authorization);
 */
export class ApiKeyRing {
  readonly #keys: readonly { readonly keyId: string; readonly digest: Buffer }[];

  constructor(keys: readonly string[]) {
    this.#keys = keys.map((key) => {
      const hash = digest(key);
      return { keyId: `key-${hash.toString("hex").slice(0, 8)}`, digest: hash };
    });
  }

  /** The configured keys' ids (`key-<8 hex>`), in configuration order: the server API's allowed broadcast sources. */
  keyIds(): readonly string[] {
    return this.#keys.map((key) => key.keyId);
  }

  /** The caller behind an `Authorization: Bearer <key>` header, or null for anything else. */
  identify(authorization: string | undefined): ApiCaller | null {
    const match = /^Bearer (\S+)$/i.exec(authorization?.trim() ?? "");
    if (match?.[1] === undefined) return null;
    const presented = digest(match[1]);
    let found: ApiCaller | null = null;
    for (const key of this.#keys) {
      if (timingSafeEqual(presented, key.digest)) found = { keyId: key.keyId };
    }
    return found;
  }
}
