import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  IS_CI,
  isSameDocument,
  markDocument,
  openSignedInPage,
  probeChromium,
  saveScreenshot,
  showServerLogsOnFailure,
  startE2eStack,
  UI_TIMEOUT_MS,
  uniqueLabel,
} from "../index";
import type { E2eStack, UserPage } from "../index";
import { ArticlesPage } from "../pages/articles-page";

const chromiumAvailable = probeChromium();

describe.skipIf(!chromiumAvailable && !IS_CI)("articles page, production build, in-memory", () => {
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

  it("puts an article bob publishes at the top of alice's feed without a reload", async () => {
    const aliceArticles = new ArticlesPage(alice.page);
    const bobArticles = new ArticlesPage(bob.page);
    await Promise.all([aliceArticles.open(), bobArticles.open()]);
    await markDocument(alice.page);
    const title = uniqueLabel("Release notes");

    await bobArticles.publish(title, "What changed in this release, in a few lines.");
    await expect.poll(() => aliceArticles.item(title).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await aliceArticles.items.first().textContent()).toContain(title);
    await expect.poll(() => bobArticles.item(title).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    const id = await aliceArticles.item(title).getAttribute("data-id");
    expect(id).toBeTruthy();
    expect(await bobArticles.item(title).getAttribute("data-id")).toBe(id);

    expect(await isSameDocument(alice.page)).toBe(true);
    await saveScreenshot(alice.page, "articles-alice");
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
  });
});
