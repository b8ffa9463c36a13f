import type { Locator, Page, Response } from "playwright-core";

/**
 * `/admin/users` as the UI contract describes it.
 *
 * @example
 * const users = new UsersPage(alice.page);
 * await users.open();
 * await users.toggleAdmin("bob");
 */
export class UsersPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Navigates and returns the document's HTTP response (403 for non-admins). */
  async open(): Promise<Response | null> {
    return this.page.goto("/admin/users");
  }

  get table(): Locator {
    return this.page.getByTestId("users-table");
  }

  get forbidden(): Locator {
    return this.page.getByTestId("forbidden");
  }

  row(username: string): Locator {
    return this.table.locator(`[data-testid=user-row][data-username="${username}"]`);
  }

  /** The roles a row shows, as the page writes them ("none" or "admin, ..."). */
  async roles(username: string): Promise<string> {
    return ((await this.row(username).getByTestId("user-roles").textContent()) ?? "").trim();
  }

  /** Clicks the row's grant/revoke button. */
  async toggleAdmin(username: string): Promise<void> {
    await this.row(username).locator("button").click();
  }
}
