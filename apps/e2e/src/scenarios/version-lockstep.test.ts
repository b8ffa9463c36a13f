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

/** `1.4.2` -> `2.0.0`: the next major, which no page loaded before the restart speaks. */
function nextMajor(version: string): string {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  if (!Number.isInteger(major)) throw new Error(`not a protocol version: ${version}`);
  return `${major + 1}.0.0`;
}

// An incompatible deploy, played by restarting the same build with REALTIME_PROTOCOL_VERSION bumped:
// the open tab must not sit on a dead badge but offer the reload that brings it onto the new version.
describe.skipIf(!chromiumAvailable && !IS_CI)("version lockstep: a restart with a new protocol major under an open page", () => {
  let stack: E2eStack | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  let server: AppServer;
  let visitor: UserPage;

  beforeAll(async () => {
    stack = await startE2eStack([{ name: "lockstep" }]);
    server = stack.servers[0]!;
    visitor = await openVisitorPage(stack.browser, server.url);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("shows the status overlay, then 'A new version is available', and after Reload is connected on the new version", async () => {
    const overlay = visitor.page.getByTestId("realtime-overlay");
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
    await expect.poll(() => visitor.page.getByTestId("overlay-round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    expect(await visitor.page.getByTestId("overlay-reconnect-attempts").getAttribute("data-count")).toBe("0");
    const before = (await overlay.getAttribute("data-protocol-version")) ?? "";
    const after = nextMajor(before);
    await saveScreenshot(visitor.page, "lockstep-before");
    await markDocument(visitor.page);

    await server.restart({ env: { REALTIME_PROTOCOL_VERSION: after } });
    await expect.poll(() => overlay.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS * 2 }).toBe("version-mismatch");
    const prompt = visitor.page.getByTestId("new-version-prompt");
    await expect.poll(() => prompt.textContent(), { timeout: UI_TIMEOUT_MS }).toContain("A new version is available");
    expect(await prompt.textContent()).toContain(after); // the refusal named the server's version
    expect(await isSameDocument(visitor.page)).toBe(true); // nothing reloaded behind the person's back
    await saveScreenshot(visitor.page, "lockstep-new-version");

    const loaded = visitor.page.waitForEvent("load", { timeout: UI_TIMEOUT_MS * 2 });
    await visitor.page.getByTestId("reload-button").click();
    await loaded;
    expect(await isSameDocument(visitor.page)).toBe(false);
    const reloaded = visitor.page.getByTestId("realtime-overlay");
    await expect.poll(() => reloaded.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS * 2 }).toBe("connected");
    expect(await reloaded.getAttribute("data-protocol-version")).toBe(after);
    await expect.poll(() => visitor.page.getByTestId("overlay-round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    await saveScreenshot(visitor.page, "lockstep-reloaded");
    expect(visitor.pageErrors).toEqual([]);
  });
});
