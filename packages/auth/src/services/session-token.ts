import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Signs session ids into the value a client holds (cookie or Bearer token):
 * `<sessionId>.<HMAC-SHA256(secret, sessionId)>`, both base64url. A forged or
 * altered value fails `verify` before any store lookup.
 */
export interface SessionTokenSigner {
  /** A fresh random session id (256 bits). */
  newSessionId(): string;
  sign(sessionId: string): string;
  /** The session id inside a validly signed token, or `null`. */
  verify(token: string): string | null;
}

const SESSION_ID_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 256;

/**
 * Creates the signer for one secret.
 *
 * @example
 * const tokens = createSessionTokenSigner(config.sessionSecret);
 * const token = tokens.sign(tokens.newSessionId());
 * tokens.verify(token); // the session id
 */
export function createSessionTokenSigner(secret: string): SessionTokenSigner {
  if (secret.length === 0) throw new Error("Session secret must not be empty");
  const mac = (sessionId: string): Buffer => createHmac("sha256", secret).update(sessionId).digest();
  return {
    newSessionId: () => randomBytes(SESSION_ID_BYTES).toString("base64url"),
    sign: (sessionId) => `${sessionId}.${mac(sessionId).toString("base64url")}`,
    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return null;
      const dot = token.indexOf(".");
      if (dot <= 0) return null;
      const sessionId = token.slice(0, dot);
      const signature = token.slice(dot + 1);
      if (!BASE64URL.test(sessionId) || !BASE64URL.test(signature)) return null;
      const expected = mac(sessionId);
      const given = Buffer.from(signature, "base64url");
      // Constant-time compare so the signature cannot be guessed byte by byte.
      return given.length === expected.length && timingSafeEqual(given, expected) ? sessionId : null;
    },
  };
}
