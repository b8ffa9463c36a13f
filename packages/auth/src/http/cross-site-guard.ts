import type { IncomingMessage } from "node:http";

/**
 * Why a cookie-setting auth request is refused before it runs, or `null`
 * when it may proceed. Two browser-enforced facts make this enough:
 *
 * - `Sec-Fetch-Site: cross-site` is set by the browser on requests a page of
 *   another site started (forms included) and cannot be forged by that page.
 *   Non-browser clients send no such header and are unaffected.
 * - A page on another site can POST a form as `text/plain` without a CORS
 *   preflight (and smuggle JSON into it), but not as `application/json`.
 *
 * Without this, another site could sign a visitor in as the attacker (login
 * CSRF) or clear their session cookie.
 *
 * @example
 * const refusal = crossSiteRefusal(req, { requireJson: true });
 * if (refusal !== null) return sendJson(res, refusal.status, errorBody(refusal.code, refusal.message));
 */
export function crossSiteRefusal(
  req: Pick<IncomingMessage, "headers">,
  options: { readonly requireJson: boolean },
): { readonly status: 400 | 403; readonly code: string; readonly message: string } | null {
  if (req.headers["sec-fetch-site"] === "cross-site") {
    return { status: 403, code: "CROSS_SITE_REQUEST", message: "This endpoint does not accept requests started by another site" };
  }
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (options.requireJson && mediaType !== "application/json") {
    return { status: 400, code: "INVALID_BODY", message: "Send the body as Content-Type: application/json" };
  }
  return null;
}
