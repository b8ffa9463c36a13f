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

/** What the page may show while its server is gone: anything but connected. */
const OFFLINE_STATES = ["reconnecting", "degraded", "disconnected", "connecting"];

// In-memory sessions die with the process, so the visitor here is signed out (the ping channel is
// public); the signed-in variant, whose session lives in Redis, is in multi-instance.test.ts.
describe.skipIf(!chromiumAvailable && !IS_CI)("server stop and restart on the same port, in-memory", () => {
  let stack: E2eStack | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  let server: AppServer;
  let visitor: UserPage;

  beforeAll(async () => {
    stack = await startE2eStack([{ name: "memory" }]);
    server = stack.servers[0]!;
    visitor = await openVisitorPage(stack.browser, server.url);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("shows the connection drop and the rising retry count while the server is down, and reconnects by itself, without a reload", async () => {
    const status = visitor.page.getByTestId("connection-status");
    const overlay = visitor.page.getByTestId("realtime-overlay");
    const reconnectAttempts = async (): Promise<number> => Number(await visitor.page.getByTestId("overlay-reconnect-attempts").getAttribute("data-count"));
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
    await expect.poll(() => visitor.page.getByTestId("round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    expect(await reconnectAttempts()).toBe(0);
    await markDocument(visitor.page);

    expect(await server.stop(), server.logTail).toBe(0);
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBeOneOf(OFFLINE_STATES);
    // The status overlay counts the failed attempts while nobody answers: one, then more.
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBeOneOf(OFFLINE_STATES);
    await expect.poll(() => reconnectAttempts(), { timeout: UI_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
    const firstCount = await reconnectAttempts();
    await expect.poll(() => reconnectAttempts(), { timeout: UI_TIMEOUT_MS, message: "the retry counter to keep rising while the server is down" }).toBeGreaterThan(firstCount);
    expect(await visitor.page.getByTestId("overlay-reconnect-attempts").textContent()).toMatch(/^\d+ retries$/);
    await saveScreenshot(visitor.page, "restart-server-down");

    await server.restart();
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS * 2 }).toBe("connected");
    await expect.poll(() => visitor.page.getByTestId("round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    // Back: the overlay says connected again and its counter starts over.
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
    expect(await reconnectAttempts()).toBe(0);
    await expect.poll(() => visitor.page.getByTestId("overlay-round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    expect(await isSameDocument(visitor.page)).toBe(true);
    await saveScreenshot(visitor.page, "restart-reconnected");
    expect(visitor.pageErrors).toEqual([]);
  });
});
