import type { Browser, BrowserContext, Page } from "playwright-core";
import type { SeedUser } from "./seed-users";

/** How long a UI condition may take on a loaded 2-core machine before a test gives up. */
export const UI_TIMEOUT_MS = 30_000;

/** One person's browser: an isolated context (own cookies and storage) with one tab on one server. */
export interface UserPage {
  /** `null` for a signed-out visitor. */
  readonly user: SeedUser | null;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions the page threw; a scenario ends by expecting none. */
  readonly pageErrors: readonly Error[];
  close(): Promise<void>;
}

/**
 * Opens a fresh context on `baseUrl` (relative `page.goto("/polls")` then
 * works) and lands on the home page, signed out.
 *
 * @example
 * const visitor = await openVisitorPage(browser, server.url);
 */
export async function openVisitorPage(browser: Browser, baseUrl: string, user: SeedUser | null = null): Promise<UserPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS * 2);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  await page.goto("/");
  return { user, context, page, pageErrors, close: () => context.close() };
}

/**
 * Signs `user` in through the sign-in form, as a person would, and waits
 * until the home page shows their id.
 *
 * @example
 * const alice = await openSignedInPage(browser, server.url, ALICE);
 * await alice.page.goto("/notifications");
 */
export async function openSignedInPage(browser: Browser, baseUrl: string, user: SeedUser): Promise<UserPage> {
  const opened = await openVisitorPage(browser, baseUrl, user);
  const { page } = opened;
  await page.goto("/sign-in");
  await page.locator("input[name=username]").fill(user.username);
  await page.locator("input[name=password]").fill(user.password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(new URL("/", baseUrl).href);
  await page.getByTestId("user-id").filter({ hasText: user.id }).waitFor();
  return opened;
}

/** Set on the current document by `markDocument`; a reload or navigation drops it. */
const SAME_DOCUMENT_MARKER = "__e2eSameDocument";

/**
 * Marks the page's current document, so `isSameDocument` can later prove an
 * update arrived live (no reload, no navigation).
 *
 * @example
 * await markDocument(alice.page);
 * // ... something happens elsewhere ...
 * expect(await isSameDocument(alice.page)).toBe(true);
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(`window.${SAME_DOCUMENT_MARKER} = true`);
}

/** True while the document `markDocument` marked is still the one shown. */
export async function isSameDocument(page: Page): Promise<boolean> {
  return (await page.evaluate(`window.${SAME_DOCUMENT_MARKER} === true`)) === true;
}
