import { describe, expect, it } from "vitest";
import { clearSessionCookie, readSessionCookie, serializeSessionCookie, SESSION_COOKIE_NAME } from "./session-cookie";

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ with a Max-Age, and Secure only when asked", () => {
    const plain = serializeSessionCookie("tok.sig", { secure: false, maxAgeSeconds: 60 });
    expect(plain).toBe("session=tok.sig; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(serializeSessionCookie("tok.sig", { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
  });

  it("clears with an empty value and Max-Age=0", () => {
    expect(clearSessionCookie({ secure: true })).toBe("session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
  });

  it.each([
    { header: undefined, expected: undefined },
    { header: "", expected: undefined },
    { header: "session=abc.def", expected: "abc.def" },
    { header: "theme=dark; session=abc.def; lang=en", expected: "abc.def" },
    { header: "mysession=x; session=y", expected: "y" },
    { header: "session=", expected: undefined },
    { header: "broken; session=z", expected: "z" },
    { header: "session=first; session=second", expected: "first" },
  ])("reads $expected from $header", ({ header, expected }) => {
    expect(readSessionCookie(header)).toBe(expected);
  });

  it("is named session", () => {
    expect(SESSION_COOKIE_NAME).toBe("session");
  });
});
