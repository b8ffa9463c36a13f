import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPC_MAX_BODY_BYTES } from "../trpc-handler";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

describe("security: HTTP request bodies are bounded (real app server)", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer();
  });
  afterAll(async () => {
    await sec.close();
  });

  const oversized = `{"ids":["${"x".repeat(TRPC_MAX_BODY_BYTES + 1)}"]}`;

  it.each([
    // A signed-in caller reaches input parsing: the bound answers 413.
    ["signed in", true, [413]],
    // An anonymous one is refused by the procedure's auth check (or the bound, whichever comes first).
    ["anonymous", false, [401, 413]],
  ])("answers an oversized tRPC mutation body (%s) with %j without running it", async (_who, signedIn, statuses) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signedIn) headers.cookie = (await sec.signIn("bob")).cookie;
    const response = await fetch(`${sec.server.url}/api/trpc/notifications.markRead`, { method: "POST", headers, body: oversized });
    expect(statuses).toContain(response.status);
    expect(JSON.stringify(await response.json())).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("answers an oversized login body with 400 INVALID_BODY", async () => {
    const response = await fetch(`${sec.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bob", password: "x".repeat(64 * 1024) }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_BODY" } });
  });

  it("still serves a normal mutation", async () => {
    const { cookie } = await sec.signIn("bob");
    const response = await fetch(`${sec.server.url}/api/trpc/notifications.markRead`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({}),
    });
    expect(response.status).toBe(200);
  });
});
