import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

describe("security: session cookie flags in production (NODE_ENV=production, COOKIE_SECURE unset)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("sets the session cookie Secure, HttpOnly and SameSite=Lax, and clears it the same way", async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bob", password: "bob-password" }),
    });
    expect(login.status).toBe(200);
    const attributes = (login.headers.get("set-cookie") ?? "").split(";").map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]));
    const cookie = attributes[0] ?? "";
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect((logout.headers.get("set-cookie") ?? "").split(";").map((part) => part.trim())).toEqual(
      expect.arrayContaining(["Secure", "HttpOnly", "SameSite=Lax", "Max-Age=0"]),
    );
  });

  it("refuses a login another site's form could send (text/plain) and any cross-site login", async () => {
    const body = JSON.stringify({ username: "bob", password: "bob-password" });
    const formPost = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "text/plain" }, body });
    expect(formPost.status).toBe(400);
    expect(formPost.headers.get("set-cookie")).toBeNull();
    const crossSite = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
  });
});
