import type { IncomingMessage } from "node:http";

/** What the guard reads of a request: its headers and whether it came over TLS. */
export type GuardedRequest = Pick<IncomingMessage, "headers"> & { readonly socket?: object };

export interface CrossSiteOptions {
  /** Refuse a body not sent as `application/json` (400 `INVALID_BODY`, or `unsupportedStatus`). */
  readonly requireJson: boolean;
  /** Other origins (scheme + host + port) trusted like the request's own (`CORS_ORIGINS`). */
  readonly allowedOrigins?: readonly string[];
}

export interface CrossSiteRefusal {
  readonly status: 400 | 403;
  readonly code: "CROSS_SITE_REQUEST" | "INVALID_BODY";
  readonly message: string;
}

/**
 * The request's own origin: scheme, host and port. The scheme is https when
 * the connection is TLS or the proxy in front says so (`X-Forwarded-Proto`;
 * a page cannot set that header on a cross-site request without a preflight
 * this server never grants), http otherwise.
 *
 * @example
 * requestOrigin({ headers: { host: "app.example.com", "x-forwarded-proto": "https" } }); // "https://app.example.com"
 */
export function requestOrigin(req: GuardedRequest): string | null {
  const host = req.headers.host;
  if (host === undefined || host === "") return null;
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  // A TLSSocket has `encrypted: true`; a plain net.Socket has no such property.
  const tls = req.socket !== undefined && "encrypted" in req.socket && req.socket.encrypted === true;
  const scheme = tls || proto === "https" ? "https" : "http";
  return normalizeOrigin(`${scheme}://${host}`);
}

/** `scheme://host[:port]` as browsers serialize it (default ports dropped, lower case), or null. */
function normalizeOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/**
 * Why a state-changing request is refused before it runs, or `null` when it
 * may proceed. Browsers add two headers a page cannot forge:
 *
 * - `Origin` (on every POST): it must be the request's own origin, compared
 *   as scheme, host and port (so `http://` cannot post to `https://`, nor a
 *   sibling subdomain), or one listed in `allowedOrigins`; `null` is refused.
 * - `Sec-Fetch-Site`: `cross-site` and `same-site` (a sibling subdomain,
 *   which `SameSite=Lax` does not stop) are refused unless the origin is listed.
 *
 * Non-browser clients send neither and are unaffected (they carry no ambient
 * cookie). A page on another site can also send a form as `text/plain` or
 * `multipart/form-data` without a CORS preflight, but not `application/json`:
 * hence `requireJson`.
 *
 * @example
 * const refusal = crossSiteRefusal(req, { requireJson: true });
 * if (refusal !== null) return sendJson(res, refusal.status, errorBody(refusal.code, refusal.message));
 */
export function crossSiteRefusal(req: GuardedRequest, options: CrossSiteOptions): CrossSiteRefusal | null {
  const origin = req.headers.origin;
  const listed = origin !== undefined && (options.allowedOrigins ?? []).some((allowed) => normalizeOrigin(allowed) === normalizeOrigin(origin));
  const site = req.headers["sec-fetch-site"];
  if (!listed && (site === "cross-site" || site === "same-site")) return CROSS_SITE;
  if (origin !== undefined && !listed) {
    const own = requestOrigin(req);
    if (own === null || normalizeOrigin(origin) !== own) return CROSS_SITE;
  }
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (options.requireJson && mediaType !== "application/json") {
    return { status: 400, code: "INVALID_BODY", message: "Send the body as Content-Type: application/json" };
  }
  return null;
}

const CROSS_SITE: CrossSiteRefusal = Object.freeze({
  status: 403,
  code: "CROSS_SITE_REQUEST",
  message: "This endpoint does not accept requests started by another site",
});
