import { expect, it } from "vitest";
import { describeInBrowser, isSameDocument, markDocument, saveScreenshot, UI_TIMEOUT_MS, uniqueLabel, useSignedInPair } from "../index";
import { ArticlesPage } from "../pages/articles-page";

describeInBrowser("articles page, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("puts an article bob publishes at the top of alice's feed without a reload", async () => {
    const { alice, bob } = pair;
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
