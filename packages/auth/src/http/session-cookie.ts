/**
 * The cookie browsers hold their signed session token in. Named `session`
 * (not `sid`): Socket.IO's handshake forwards it, and the realtime
 * authenticator reads it under this name.
 */
export const SESSION_COOKIE_NAME = "session";

export interface SessionCookieOptions {
  /** Adds `Secure` (HTTPS only). */
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
}

/**
 * The `Set-Cookie` value for a new session: HttpOnly (no script access),
 * SameSite=Lax (not sent on cross-site POSTs), Path=/.
 *
 * @example
 * res.setHeader("set-cookie", serializeSessionCookie(token, { secure: true, maxAgeSeconds: 86_400 }));
 */
export function serializeSessionCookie(token: string, options: SessionCookieOptions): string {
  const parts = [`${SESSION_COOKIE_NAME}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * The `Set-Cookie` value that deletes the session cookie.
 *
 * @example
 * res.setHeader("set-cookie", clearSessionCookie({ secure: false }));
 */
export function clearSessionCookie(options: Pick<SessionCookieOptions, "secure">): string {
  const parts = [`${SESSION_COOKIE_NAME}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/**
 * The session token in a `Cookie` request header, if any. The first
 * occurrence wins (the most specific path, per RFC 6265 ordering).
 *
 * @example
 * readSessionCookie("theme=dark; session=abc.def"); // "abc.def"
 */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() !== SESSION_COOKIE_NAME) continue;
    const value = pair.slice(eq + 1).trim();
    return value === "" ? undefined : value;
  }
  return undefined;
}
