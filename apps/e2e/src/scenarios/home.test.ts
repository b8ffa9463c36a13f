import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  IS_CI,
  openSignedInPage,
  probeChromium,
  saveDocScreenshot,
  saveScreenshot,
  showServerLogsOnFailure,
  startE2eStack,
  UI_TIMEOUT_MS,
} from "../index";
import type { E2eStack, UserPage } from "../index";

const chromiumAvailable = probeChromium();

describe.skipIf(!chromiumAvailable && !IS_CI)("home page, production build, in-memory", () => {
  let stack: E2eStack | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  let alice: UserPage;
  let bob: UserPage;

  beforeAll(async () => {
    stack = await startE2eStack([{ name: "memory" }]);
    const [server] = stack.servers;
    alice = await openSignedInPage(stack.browser, server!.url, ALICE);
    bob = await openSignedInPage(stack.browser, server!.url, BOB);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("signs alice and bob in through the form, each in an isolated context with their own session", async () => {
    await expect.poll(() => alice.page.getByTestId("user-id").textContent()).toBe(ALICE.id);
    await expect.poll(() => bob.page.getByTestId("user-id").textContent()).toBe(BOB.id);
    const aliceCookies = await alice.context.cookies();
    const bobCookies = await bob.context.cookies();
    const session = (cookies: typeof aliceCookies) => cookies.find((cookie) => cookie.name === "session")?.value;
    expect(session(aliceCookies)).toBeDefined();
    expect(session(bobCookies)).toBeDefined();
    expect(session(aliceCookies)).not.toBe(session(bobCookies));
    await saveScreenshot(bob.page, "home-bob");
  });

  it("connects live and shows a completed ping round-trip in both tabs", async () => {
    for (const { page } of [alice, bob]) {
      await expect.poll(() => page.getByTestId("connection-status").getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
      await expect.poll(() => page.getByTestId("round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    }
    await saveDocScreenshot(alice.page, "home");
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
  });
});
