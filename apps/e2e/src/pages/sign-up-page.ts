import type { Locator, Page, Response } from "playwright-core";

/**
 * `/sign-up` as the UI contract describes it.
 *
 * @example
 * const signUp = new SignUpPage(visitor.page);
 * await signUp.open();
 * await signUp.submit("carol", "carol-password");
 */
export class SignUpPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<Response | null> {
    const response = await this.page.goto("/sign-up");
    await this.form.waitFor();
    return response;
  }

  get form(): Locator {
    return this.page.getByTestId("sign-up-form");
  }

  /** Fills the form (the password twice) and sends it. */
  async submit(username: string, password: string, confirm = password): Promise<void> {
    await this.form.locator("input[name=username]").fill(username);
    await this.form.locator("input[name=password]").fill(password);
    await this.form.locator("input[name=confirm]").fill(confirm);
    await this.form.locator("button[type=submit]").click();
  }

  /** The refusal the form shows. */
  get error(): Locator {
    return this.form.getByRole("alert");
  }
}
