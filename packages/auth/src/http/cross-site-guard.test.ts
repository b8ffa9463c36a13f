import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site-guard";

describe("crossSiteRefusal", () => {
  it.each([
    [{ "content-type": "application/json" }, true, null],
    [{ "content-type": "Application/JSON; charset=utf-8", "sec-fetch-site": "same-origin" }, true, null],
    [{ "content-type": "application/json", "sec-fetch-site": "same-site" }, true, null],
    [{ "sec-fetch-site": "none" }, false, null],
    [{}, false, null],
    [{ "content-type": "text/plain" }, true, "INVALID_BODY"],
    [{ "content-type": "application/x-www-form-urlencoded" }, true, "INVALID_BODY"],
    [{}, true, "INVALID_BODY"],
    [{ "content-type": "application/json", "sec-fetch-site": "cross-site" }, true, "CROSS_SITE_REQUEST"],
    [{ "sec-fetch-site": "cross-site" }, false, "CROSS_SITE_REQUEST"],
  ])("%j (requireJson %s) -> %s", (headers, requireJson, code) => {
    expect(crossSiteRefusal({ headers }, { requireJson })?.code ?? null).toBe(code);
  });
});
