import { describe, expect, it } from "vitest";
import { crossSiteRefusal, requestOrigin } from "./cross-site-guard";

const HOST = { host: "app.example.com" };

describe("crossSiteRefusal", () => {
  it.each([
    [{ "content-type": "application/json" }, true, null],
    [{ "content-type": "Application/JSON; charset=utf-8", "sec-fetch-site": "same-origin" }, true, null],
    [{ "sec-fetch-site": "none" }, false, null],
    [{}, false, null],
    [{ "content-type": "text/plain" }, true, "INVALID_BODY"],
    [{ "content-type": "multipart/form-data; boundary=x" }, true, "INVALID_BODY"],
    [{ "content-type": "application/x-www-form-urlencoded" }, true, "INVALID_BODY"],
    [{}, true, "INVALID_BODY"],
    [{ "content-type": "application/json", "sec-fetch-site": "cross-site" }, true, "CROSS_SITE_REQUEST"],
    [{ "sec-fetch-site": "cross-site" }, false, "CROSS_SITE_REQUEST"],
    // A sibling subdomain: SameSite=Lax lets its requests carry the cookie.
    [{ "content-type": "application/json", "sec-fetch-site": "same-site" }, true, "CROSS_SITE_REQUEST"],
  ])("%j (requireJson %s) -> %s", (headers, requireJson, code) => {
    expect(crossSiteRefusal({ headers: { ...HOST, ...headers } }, { requireJson })?.code ?? null).toBe(code);
  });

  it.each([
    ["http://app.example.com", {}, null],
    ["HTTP://APP.EXAMPLE.COM:80", {}, null],
    ["https://app.example.com", { "x-forwarded-proto": "https" }, null],
    // Scheme, host and port each count.
    ["https://app.example.com", {}, "CROSS_SITE_REQUEST"],
    ["http://app.example.com", { "x-forwarded-proto": "https" }, "CROSS_SITE_REQUEST"],
    ["http://app.example.com:8080", {}, "CROSS_SITE_REQUEST"],
    ["http://evil.example.com", {}, "CROSS_SITE_REQUEST"],
    ["http://app.example.com.evil.example", {}, "CROSS_SITE_REQUEST"],
    ["null", {}, "CROSS_SITE_REQUEST"],
    ["not a url", {}, "CROSS_SITE_REQUEST"],
  ])("Origin %s with %j -> %s", (origin, extra, code) => {
    expect(crossSiteRefusal({ headers: { ...HOST, ...extra, origin } }, { requireJson: false })?.code ?? null).toBe(code);
  });

  it("accepts an origin listed in allowedOrigins, even from another site", () => {
    const req = { headers: { ...HOST, origin: "https://admin.example.com", "sec-fetch-site": "same-site" } };
    expect(crossSiteRefusal(req, { requireJson: false, allowedOrigins: ["https://admin.example.com"] })).toBeNull();
    expect(crossSiteRefusal(req, { requireJson: false, allowedOrigins: ["http://admin.example.com"] })?.code).toBe("CROSS_SITE_REQUEST");
  });

  it("takes the scheme from TLS or the proxy's X-Forwarded-Proto", () => {
    expect(requestOrigin({ headers: HOST })).toBe("http://app.example.com");
    expect(requestOrigin({ headers: HOST, socket: { encrypted: true } })).toBe("https://app.example.com");
    expect(requestOrigin({ headers: { ...HOST, "x-forwarded-proto": "https, http" } })).toBe("https://app.example.com");
    expect(requestOrigin({ headers: {} })).toBeNull();
  });
});
