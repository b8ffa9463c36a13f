import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "webhook-secret-0123456789abcdef0123";
const BODY = JSON.stringify({ timeMs: 1_700_000_000_000, events: [{ name: "channel_occupied", channel: "polls.p1" }] });

describe("webhook signatures", () => {
  it("verifies what it signed, within the tolerance", () => {
    const header = signWebhook(SECRET, BODY, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, header, BODY, 1_700_000_100)).toEqual({ ok: true });
  });

  it.each([
    ["another body", signWebhook(SECRET, BODY, 1_700_000_000), `${BODY} `, 1_700_000_000, "mismatch"],
    ["another secret", signWebhook(`${SECRET}x`, BODY, 1_700_000_000), BODY, 1_700_000_000, "mismatch"],
    ["a replay after the tolerance", signWebhook(SECRET, BODY, 1_700_000_000), BODY, 1_700_000_301, "stale"],
    ["a timestamp from the future", signWebhook(SECRET, BODY, 1_700_000_400), BODY, 1_700_000_000, "stale"],
    ["a re-dated signature", signWebhook(SECRET, BODY, 1_700_000_000).replace("t=1700000000", "t=1700000200"), BODY, 1_700_000_200, "mismatch"],
    ["no header", undefined, BODY, 1_700_000_000, "malformed"],
    ["a header without v1", "t=1700000000", BODY, 1_700_000_000, "malformed"],
    ["a truncated digest", signWebhook(SECRET, BODY, 1_700_000_000).slice(0, -2), BODY, 1_700_000_000, "malformed"],
  ])("refuses %s", (_what, header, body, now, reason) => {
    expect(verifyWebhookSignature(SECRET, header, body, now)).toEqual({ ok: false, reason });
  });
});
