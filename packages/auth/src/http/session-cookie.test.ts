import { describe, expect, it } from "vitest";
import { clearSessionCookie, readSessionCookie, serializeSessionCookie, SESSION_COOKIE_NAME } from "./session-cookie";

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ with a Max-Age, and Secure only when asked", () => {
    const plain = serializeSessionCookie("tok.sig", { secure: false, maxAgeSeconds: 60 });
    expect(plain).toBe("session=tok.sig; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(serializeSessionCookie("tok.sig", { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
  });

  it("clears with an empty value and Max-Age=0", () => {
    expect(clearSessionCookie({ secure: true })).toBe("__Host-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
    expect(clearSessionCookie({ secure: false })).toBe("session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  });

  it("is __Host-session when Secure: Secure, Path=/ and no Domain, as the prefix demands", () => {
    const cookie = serializeSessionCookie("tok.sig", { secure: true, maxAgeSeconds: 60 });
    expect(cookie).toBe("__Host-session=tok.sig; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
    expect(cookie).not.toMatch(/domain=/i);
  });

  it.each([
    { header: undefined, expected: undefined },
    { header: "", expected: undefined },
    { header: "session=abc.def", expected: "abc.def" },
    { header: "theme=dark; session=abc.def; lang=en", expected: "abc.def" },
    { header: "mysession=x; session=y", expected: "y" },
    { header: "session=", expected: undefined },
    { header: "broken; session=z", expected: "z" },
    // A planted duplicate: anonymous, never possibly the attacker's session.
    { header: "session=first; session=second", expected: undefined },
    { header: "session=same; session=same", expected: "same" },
    { header: "session=planted; __Host-session=mine", expected: "mine" },
    { header: "__Host-session=mine; session=planted", expected: "mine" },
  ])("reads $expected from $header", ({ header, expected }) => {
    expect(readSessionCookie(header)).toBe(expected);
  });

  it.each([
    { header: "session=planted", expected: undefined },
    { header: "session=planted; __Host-session=mine", expected: "mine" },
    { header: "__Host-session=a; __Host-session=b", expected: undefined },
  ])("with hostOnly (production) reads $expected from $header", ({ header, expected }) => {
    expect(readSessionCookie(header, { hostOnly: true })).toBe(expected);
  });

  it("is named session", () => {
    expect(SESSION_COOKIE_NAME).toBe("session");
  });
});
