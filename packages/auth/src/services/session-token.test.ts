import { describe, expect, it } from "vitest";
import { createSessionTokenSigner } from "./session-token";

const tokens = createSessionTokenSigner("secret-one");

describe("createSessionTokenSigner", () => {
  it("signs a session id so that verify gives it back", () => {
    const id = tokens.newSessionId();
    expect(tokens.verify(tokens.sign(id))).toBe(id);
  });

  it("makes 256-bit random ids, different every time", () => {
    const ids = new Set(Array.from({ length: 50 }, () => tokens.newSessionId()));
    expect(ids.size).toBe(50);
    expect(Buffer.from([...ids][0]!, "base64url")).toHaveLength(32);
  });

  it.each([
    { case: "signed with another secret", token: () => createSessionTokenSigner("secret-two").sign("abc") },
    { case: "with an altered id", token: () => tokens.sign("abc").replace(/^abc/, "abd") },
    { case: "with an altered signature", token: () => `${tokens.sign("abc").slice(0, -2)}AA` },
    { case: "without a signature", token: () => "abc" },
    { case: "with an empty id", token: () => `.${tokens.sign("abc").split(".")[1]}` },
    { case: "with characters outside base64url", token: () => `a b.${tokens.sign("a b").split(".")[1]}` },
    { case: "absurdly long", token: () => tokens.sign("a".repeat(300)) },
  ])("rejects a token $case", ({ token }) => {
    expect(tokens.verify(token())).toBeNull();
  });

  it("refuses an empty secret", () => {
    expect(() => createSessionTokenSigner("")).toThrow("must not be empty");
  });
});
