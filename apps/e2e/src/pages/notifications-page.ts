import type { Locator, Page } from "playwright-core";

export interface NotificationDraft {
  readonly userId: string;
  readonly title: string;
  readonly body: string;
}

/**
 * `/notifications` as the UI contract describes it (data-testid values), so
 * scenarios read like what a person does and the selectors live in one place.
 *
 * @example
 * const inbox = new NotificationsPage(bob.page);
 * await inbox.open();
 * await inbox.item("Deploy finished").waitFor();
 */
export class NotificationsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Navigates to the page and waits for the list. */
  async open(): Promise<void> {
    await this.page.goto("/notifications");
    await this.list.waitFor();
  }

  get list(): Locator {
    return this.page.getByTestId("notification-list");
  }

  /** Every notification item, newest first. */
  get items(): Locator {
    return this.list.getByTestId("notification-item");
  }

  /** The items showing `title` (a unique title: zero or one, unless something is shown twice). */
  item(title: string): Locator {
    return this.items.filter({ hasText: title });
  }

  /** The unread count the page shows, as a number (NaN while it shows none). */
  async unreadCount(): Promise<number> {
    return Number((await this.page.getByTestId("notifications-unread").textContent())?.trim());
  }

  /** The `data-id` of every item shown, in order. */
  async itemIds(): Promise<string[]> {
    const items = await this.items.all();
    return Promise.all(items.map(async (item) => (await item.getAttribute("data-id")) ?? ""));
  }

  /** Fills the admin send form and submits it. */
  async send(draft: NotificationDraft): Promise<void> {
    const form = this.page.getByTestId("send-notification-form");
    await form.locator("[name=userId]").fill(draft.userId);
    await form.locator("[name=title]").fill(draft.title);
    await form.locator("[name=body]").fill(draft.body);
    await form.locator("button[type=submit]").click();
  }

  async markAllRead(): Promise<void> {
    await this.page.getByTestId("mark-all-read").click();
  }
}
