import { createHmac, timingSafeEqual } from "node:crypto";

/** The header every webhook request carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = "x-realtime-signature";

/** How old a signed timestamp a receiver accepts by default (replays older than this are refused). */
const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
}

/**
 * The signature header value for one request body (Stripe's scheme): the
 * timestamp is signed with the body, so a receiver can refuse replays.
 *
 * @example
 * headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(secret, body, Math.floor(Date.now() / 1000));
 */
export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export type WebhookVerification = { readonly ok: true } | { readonly ok: false; readonly reason: "malformed" | "stale" | "mismatch" };

/**
 * What a receiver runs on each request (the README shows it): the header must
 * parse, its timestamp must be within `toleranceSeconds` of now, and the
 * HMAC must match, compared in constant time.
 *
 * @example
 * const verdict = verifyWebhookSignature(secret, req.headers["x-realtime-signature"], rawBody, Math.floor(Date.now() / 1000));
 * if (!verdict.ok) return res.writeHead(401).end();
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerification {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header?.trim() ?? "");
  if (match?.[1] === undefined || match[2] === undefined) return { ok: false, reason: "malformed" };
  const timestamp = Number(match[1]);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  return timingSafeEqual(expected, Buffer.from(match[2], "hex")) ? { ok: true } : { ok: false, reason: "mismatch" };
}
