import { randomUUID } from "node:crypto";
import { PollsSymbols } from "@repo/polls";
import type { IPollRepository } from "@repo/polls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRefused } from "../__tests__/realtime-test-client";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Cross-site mutations over HTTP: every state-changing route (tRPC included)
 * answers only the page's own origin, and tRPC mutations only JSON. Each
 * refusal is checked to have changed nothing.
 */
describe("security: cross-site HTTP mutations are refused before they run (real app server)", () => {
  let sec: SecurityServer;
  let polls: IPollRepository;
  let cookie: string;
  let ownOrigin: string;

  beforeAll(async () => {
    sec = await startSecurityServer();
    polls = sec.server.bound.features.polls.container.get(PollsSymbols.pollRepository);
    cookie = (await sec.signIn("bob")).cookie;
    ownOrigin = new URL(sec.server.url.replace("localhost", "127.0.0.1")).origin;
    // Bob has seeded unread notifications, so a markRead that ran would show.
    expect(await unreadCount()).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await sec.close();
  });

  async function unreadCount(): Promise<number> {
    const response = await fetch(`${sec.server.url}/api/trpc/notifications.list`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: { data: { unreadCount: number } } }).result.data.unreadCount;
  }

  async function createPoll(headers: Record<string, string>, question: string): Promise<Response> {
    return fetch(`${sec.server.url}/api/trpc/polls.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body: JSON.stringify({ question, options: ["yes", "no"] }),
    });
  }

  async function pollsAsking(question: string): Promise<number> {
    return (await polls.list(10_000)).filter((poll) => poll.question === question).length;
  }

  it.each([
    ["a form another site posts (multipart/form-data)", () => {
      const form = new FormData();
      form.append("ids", "x");
      return { body: form as BodyInit, headers: {} };
    }],
    ["text/plain with smuggled JSON", () => ({ body: "{}" as BodyInit, headers: { "content-type": "text/plain" } })],
    ["no content type at all", () => ({ body: "{}" as BodyInit, headers: { "content-type": "" } })],
  ])("refuses a tRPC mutation sent as %s with 415, and marks nothing read", async (_name, make) => {
    const before = await unreadCount();
    const { body, headers } = make();
    const response = await fetch(`${sec.server.url}/api/trpc/notifications.markRead`, { method: "POST", headers: { cookie, ...headers }, body });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    expect(await unreadCount()).toBe(before);
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a sibling subdomain (Sec-Fetch-Site: same-site)", { "sec-fetch-site": "same-site" }],
    ["another site (Sec-Fetch-Site: cross-site)", { "sec-fetch-site": "cross-site" }],
    ["the same host over the other scheme", { origin: "https://127.0.0.1" }],
    ["the same host on another port", { origin: "http://127.0.0.1:1" }],
    ["the opaque null origin", { origin: "null" }],
  ])("refuses a tRPC mutation from %s with 403 CROSS_SITE_REQUEST, and creates no poll", async (_name, headers) => {
    const question = `xsite-${randomUUID()}`;
    const response = await createPoll(headers, question);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
    expect(await pollsAsking(question)).toBe(0);
  });

  it("refuses the auth routes from a sibling subdomain too: no cookie set, session kept", async () => {
    const login = await fetch(`${sec.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-site" },
      body: JSON.stringify({ username: "bob", password: "bob-password" }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get("set-cookie")).toBeNull();
    const logout = await fetch(`${sec.server.url}/api/auth/logout`, { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(logout.status).toBe(403);
    // The session survived: bob's cookie still reads his inbox (unreadCount asserts 200).
    await unreadCount();
  });

  it("refuses a socket from the same host over the other scheme (the realtime origin check compares the scheme too)", async () => {
    const port = new URL(sec.server.url).port;
    expect(await connectRefused(sec.server.url, { cookie, origin: `https://127.0.0.1:${port}` })).toMatchObject({ code: "FORBIDDEN" });
    const own = await sec.connect({ cookie, origin: `http://127.0.0.1:${port}` });
    expect(own.socket.connected).toBe(true);
    own.close();
  });

  it("serves the page's own origin and non-browser clients", async () => {
    const question = `xsite-${randomUUID()}`;
    expect((await createPoll({ origin: ownOrigin, "sec-fetch-site": "same-origin" }, question)).status).toBe(200);
    expect((await createPoll({}, question)).status).toBe(200);
    expect(await pollsAsking(question)).toBe(2);
  });
});
