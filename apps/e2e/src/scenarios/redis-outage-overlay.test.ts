import { spawnSync } from "node:child_process";
import { startPrivateRedis } from "@repo/core-testing-redis";
import type { PrivateRedis } from "@repo/core-testing-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IS_CI,
  isSameDocument,
  markDocument,
  openVisitorPage,
  probeChromium,
  saveScreenshot,
  showServerLogsOnFailure,
  startE2eStack,
  UI_TIMEOUT_MS,
} from "../index";
import type { AppServer, E2eStack, UserPage } from "../index";

const chromiumAvailable = probeChromium();
const redisServerInstalled = spawnSync("redis-server", ["--version"]).status === 0;
if (!redisServerInstalled) console.warn(`\n!!! redis-server is missing: the Redis outage overlay test is ${IS_CI ? "FAILING (CI=true)" : "SKIPPED"}. apt-get install -y redis-server\n`);

// ADR-019's outage as a person sees it: the server's Redis goes away (a PRIVATE redis-server this file
// starts and kills, never the shared one on 6379), the open page's status overlay says `degraded`, and
// once Redis is back the overlay clears by itself, on the same document. The health probe runs every
// 200 ms here so the change reaches the page quickly; the bounds below stay generous anyway.
describe.skipIf((!chromiumAvailable || !redisServerInstalled) && !IS_CI)("status overlay during a Redis outage", () => {
  let redis: PrivateRedis | undefined;
  let stack: E2eStack | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  let server: AppServer;
  let visitor: UserPage;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stack = await startE2eStack([{ name: "redis-outage", redisUrl: redis.url, env: { REDIS_HEALTH_INTERVAL_MS: "200" } }]);
    server = stack.servers[0]!;
    visitor = await openVisitorPage(stack.browser, server.url);
  });

  afterAll(async () => {
    await stack?.close();
    await redis?.stop();
  });

  it("shows `degraded` while the server's Redis is down and clears it after Redis comes back, without a reload", async () => {
    const overlay = visitor.page.getByTestId("realtime-overlay");
    const degradedBadge = visitor.page.getByTestId("overlay-degraded");
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
    await expect.poll(() => visitor.page.getByTestId("overlay-round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    expect(await degradedBadge.count()).toBe(0);
    await markDocument(visitor.page);

    await redis!.stop();
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("degraded");
    await expect.poll(() => degradedBadge.count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await visitor.page.getByTestId("overlay-status").textContent()).toBe("degraded");
    // The socket itself stayed up: degraded is not a disconnect, so no reconnect attempt was counted.
    expect(await visitor.page.getByTestId("overlay-reconnect-attempts").getAttribute("data-count")).toBe("0");
    await saveScreenshot(visitor.page, "overlay-redis-down");

    await redis!.start();
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS * 2 }).toBe("connected");
    await expect.poll(() => degradedBadge.count(), { timeout: UI_TIMEOUT_MS }).toBe(0);
    expect(await isSameDocument(visitor.page)).toBe(true);
    expect(server.running).toBe(true);
    await saveScreenshot(visitor.page, "overlay-redis-healed");
    expect(visitor.pageErrors).toEqual([]);
  });
});
