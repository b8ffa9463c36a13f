function parseOrigin(value: string): URL | null {
  try {
    return new URL(value);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/**
 * Gate 1's defence against cross-site WebSocket hijacking: browsers always
 * send `Origin` on a WebSocket handshake and cross-origin requests, and a
 * page on another site cannot forge it. Accepted:
 * - no `Origin` header (non-browser clients: they hold their own credentials, no ambient cookie)
 * - an origin whose host equals the `Host` header and whose scheme is the
 *   request's (`scheme`: https over TLS or behind a proxy saying
 *   `X-Forwarded-Proto: https`), so `http://app` cannot open sockets on `https://app`
 * - an origin listed in `allowedOrigins` (scheme + host + port, e.g. `https://app.example.com`)
 *
 * `Origin: null` (sandboxed frames, `file:`) is refused.
 *
 * @example
 * isOriginAllowed("https://evil.example", "app.example.com", []); // false
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
  scheme?: "http" | "https",
): boolean {
  if (origin === undefined) return true;
  const parsed = parseOrigin(origin);
  if (parsed === null || parsed.origin === "null") return false;
  const sameScheme = scheme === undefined || parsed.protocol === `${scheme}:`;
  if (host !== undefined && sameScheme && parsed.host === host.toLowerCase()) return true;
  return allowedOrigins.some((allowed) => parseOrigin(allowed)?.origin === parsed.origin);
}
