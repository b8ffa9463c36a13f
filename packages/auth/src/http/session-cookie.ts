/**
 * The cookie browsers hold their signed session token in, outside
 * production (`COOKIE_SECURE` off). Named `session` (not `sid`): Socket.IO's
 * handshake forwards it, and the realtime authenticator reads it.
 */
export const SESSION_COOKIE_NAME = "session";

/**
 * The name with `Secure` cookies (production): the `__Host-` prefix makes the
 * browser refuse it unless it is Secure, Path=/ and without Domain, so a
 * sibling subdomain cannot plant one that shadows ours.
 */
const HOST_SESSION_COOKIE_NAME = "__Host-session";

export interface SessionCookieOptions {
  /** Adds `Secure` (HTTPS only) and uses the `__Host-session` name. */
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
}

/**
 * The cookie's name for these options.
 *
 * @example
 * sessionCookieName({ secure: true }); // "__Host-session"
 */
function sessionCookieName(options: Pick<SessionCookieOptions, "secure">): string {
  return options.secure ? HOST_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME;
}

/**
 * The `Set-Cookie` value for a new session: HttpOnly (no script access),
 * SameSite=Lax (not sent on cross-site POSTs), Path=/, never a Domain.
 *
 * @example
 * res.setHeader("set-cookie", serializeSessionCookie(token, { secure: true, maxAgeSeconds: 86_400 }));
 */
export function serializeSessionCookie(token: string, options: SessionCookieOptions): string {
  const parts = [`${sessionCookieName(options)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${options.maxAgeSeconds}`];
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
  const parts = [`${sessionCookieName(options)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export interface ReadSessionCookieOptions {
  /** Production (`Secure` cookies): only `__Host-session` counts; a plain `session` cookie may be planted. */
  readonly hostOnly?: boolean;
}

/** The distinct non-empty values of cookie `name` in a `Cookie` header. */
function valuesOf(cookieHeader: string, name: string): Set<string> {
  const values = new Set<string>();
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    if (value !== "") values.add(value);
  }
  return values;
}

/**
 * The session token in a `Cookie` request header, if any. `__Host-session`
 * wins over `session` (a sibling subdomain can set `session` for our host,
 * never `__Host-session`), and with `hostOnly` it is the only one read. Two
 * different values under the one name (a planted duplicate) mean no session:
 * the request is anonymous rather than possibly the attacker's.
 *
 * @example
 * readSessionCookie("theme=dark; session=abc.def"); // "abc.def"
 * readSessionCookie("session=planted; __Host-session=mine", { hostOnly: true }); // "mine"
 */
export function readSessionCookie(cookieHeader: string | undefined, options: ReadSessionCookieOptions = {}): string | undefined {
  if (cookieHeader === undefined) return undefined;
  const names = options.hostOnly === true ? [HOST_SESSION_COOKIE_NAME] : [HOST_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME];
  for (const name of names) {
    const values = valuesOf(cookieHeader, name);
    if (values.size === 0) continue;
    return values.size === 1 ? [...values][0] : undefined;
  }
  return undefined;
}
