import type { Locator, Page } from "playwright-core";

/**
 * `/articles` as the UI contract describes it.
 *
 * @example
 * const articles = new ArticlesPage(bob.page);
 * await articles.open();
 * await articles.publish("Release notes", "What changed");
 */
export class ArticlesPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/articles");
    await this.feed.waitFor();
  }

  get feed(): Locator {
    return this.page.getByTestId("article-feed");
  }

  /** Every article in the feed, newest first. */
  get items(): Locator {
    return this.feed.getByTestId("article-item");
  }

  item(title: string): Locator {
    return this.items.filter({ hasText: title });
  }

  async publish(title: string, body: string): Promise<void> {
    const form = this.page.getByTestId("article-publish-form");
    await form.locator("[name=title]").fill(title);
    await form.locator("[name=body]").fill(body);
    await form.locator("button[type=submit]").click();
  }
}
