import { describe, expect, it } from "vitest";
import { ApiKeyRing } from "./api-key-ring";

const OLD_KEY = "old-key-0123456789abcdef0123456789abcdef";
const NEW_KEY = "new-key-0123456789abcdef0123456789abcdef";

describe("ApiKeyRing", () => {
  const ring = new ApiKeyRing([OLD_KEY, NEW_KEY]);

  it("accepts every configured key (rotation) and names each by a stable id that is not the key", () => {
    const old = ring.identify(`Bearer ${OLD_KEY}`);
    const fresh = ring.identify(`bearer ${NEW_KEY}`);
    expect(old?.keyId).toMatch(/^key-[0-9a-f]{8}$/);
    expect(fresh?.keyId).toMatch(/^key-[0-9a-f]{8}$/);
    expect(old?.keyId).not.toBe(fresh?.keyId);
    expect(new ApiKeyRing([NEW_KEY]).identify(`Bearer ${NEW_KEY}`)).toEqual(fresh);
    expect(OLD_KEY).not.toContain(old?.keyId.slice(4));
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["another scheme", `Basic ${OLD_KEY}`],
    ["a wrong key", "Bearer wrong-key-0123456789abcdef0123456789ab"],
    ["a key's prefix", `Bearer ${OLD_KEY.slice(0, 20)}`],
    ["a key with more after it", `Bearer ${OLD_KEY}x`],
    ["two tokens", `Bearer ${OLD_KEY} ${NEW_KEY}`],
  ])("refuses %s", (_what, header) => {
    expect(ring.identify(header)).toBeNull();
  });

  it("refuses everything when no key is configured", () => {
    expect(new ApiKeyRing([]).identify(`Bearer ${OLD_KEY}`)).toBeNull();
  });
});
