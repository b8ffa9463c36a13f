import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

const TOKEN = "metrics-scrape-token-0123456789";

describe("security: /metrics behind METRICS_TOKEN (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it.each([
    ["no Authorization", {}],
    ["a wrong token", { authorization: "Bearer wrong-token" }],
    ["the token one character short", { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ["the token as Basic credentials", { authorization: `Basic ${TOKEN}` }],
  ])("answers %s with 401 and no metric, even from loopback", async (_name, headers) => {
    const response = await fetch(`${server.url}/metrics`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    const body = await response.text();
    expect(body).toContain("UNAUTHENTICATED");
    expect(body).not.toContain("# HELP");
  });

  it("serves the metrics to the bearer of the token", async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# HELP");
  });
});

describe("security: /metrics without METRICS_TOKEN answers loopback only (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("serves a loopback scraper (the non-loopback refusal: health-routes.test.ts)", async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# HELP");
  });
});
