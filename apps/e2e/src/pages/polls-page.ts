import type { Locator, Page } from "playwright-core";

/**
 * `/polls` as the UI contract describes it.
 *
 * @example
 * const polls = new PollsPage(alice.page);
 * await polls.open();
 * const poll = await polls.create("Lunch?", ["Pizza", "Sushi"]);
 * await polls.vote(poll, 0);
 */
export class PollsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto("/polls");
    await this.page.getByTestId("poll-list").waitFor();
  }

  /** The poll showing `question` (unique questions: at most one). */
  pollByQuestion(question: string): Locator {
    return this.page.getByTestId("poll-list").getByTestId("poll").filter({ hasText: question });
  }

  pollById(pollId: string): Locator {
    return this.page.locator(`[data-testid=poll][data-poll-id="${pollId}"]`);
  }

  /** Submits the create form and returns the new poll's id once it is listed. */
  async create(question: string, options: readonly string[]): Promise<string> {
    const form = this.page.getByTestId("poll-create-form");
    await form.locator("[name=question]").fill(question);
    await form.locator("[name=options]").fill(options.join("\n"));
    await form.locator("button[type=submit]").click();
    const poll = this.pollByQuestion(question);
    await poll.waitFor();
    const pollId = await poll.getAttribute("data-poll-id");
    if (pollId === null || pollId === "") throw new Error(`poll "${question}" has no data-poll-id`);
    return pollId;
  }

  /** The `data-option-id` of each option of a poll, in order. */
  async optionIds(pollId: string): Promise<string[]> {
    const buttons = await this.pollById(pollId).getByTestId("vote-button").all();
    return Promise.all(buttons.map(async (button) => (await button.getAttribute("data-option-id")) ?? ""));
  }

  async vote(pollId: string, optionId: string): Promise<void> {
    await this.pollById(pollId).locator(`[data-testid=vote-button][data-option-id="${optionId}"]`).click();
  }

  /** The live vote count of one option (NaN while none is shown). */
  async votes(pollId: string, optionId: string): Promise<number> {
    return Number((await this.pollById(pollId).locator(`[data-testid=option-votes][data-option-id="${optionId}"]`).textContent())?.trim());
  }

  /** The error code a refused vote shows (e.g. `ALREADY_VOTED`), or null while there is none. */
  async error(pollId: string): Promise<string | null> {
    const error = this.pollById(pollId).getByTestId("poll-error");
    return (await error.count()) === 0 ? null : ((await error.textContent())?.trim() ?? null);
  }

  /** Who has the poll open right now by name, as the page shows them: `{ userId: displayed name }`. */
  async presenceNames(pollId: string): Promise<Record<string, string>> {
    const members = await this.pollById(pollId).getByTestId("poll-presence-member").all();
    const entries = await Promise.all(members.map(async (member) => [(await member.getAttribute("data-user-id")) ?? "", ((await member.textContent()) ?? "").trim()] as const));
    return Object.fromEntries(entries);
  }

  /** Who has the poll open right now, as the page shows it: sorted user ids, comma-separated. */
  async presence(pollId: string): Promise<string> {
    return (await this.pollById(pollId).getByTestId("poll-presence").getAttribute("data-user-ids")) ?? "";
  }

  async total(pollId: string): Promise<number> {
    return Number((await this.pollById(pollId).getByTestId("poll-total").textContent())?.trim());
  }
}
