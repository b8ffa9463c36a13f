import type { SeedUser } from "./seed-users";
import { SignUpPage } from "./pages/sign-up-page";
import { UI_TIMEOUT_MS } from "./user-page";
import type { UserPage } from "./user-page";

let accounts = 0;

/**
 * A username no other test or run used (the sign-up rules: letters, digits, '-').
 *
 * @example
 * uniqueUsername("carol"); // "carol-mhx2k1-1"
 */
export function uniqueUsername(prefix: string): string {
  accounts += 1;
  return `${prefix}-${Date.now().toString(36)}-${accounts}`;
}

/**
 * Signs a new account up through the form and returns it once the home page
 * shows it signed in (its id is a random UUID, unlike the seeded users').
 *
 * @example
 * const carol = await signUpThroughForm(await openVisitorPage(browser, url), uniqueUsername("carol"), "carol-password");
 */
export async function signUpThroughForm(visitor: UserPage, username: string, password: string): Promise<SeedUser> {
  const signUp = new SignUpPage(visitor.page);
  await signUp.open();
  await signUp.submit(username, password);
  await visitor.page.waitForURL((url) => url.pathname === "/");
  const id = ((await visitor.page.getByTestId("user-id").textContent({ timeout: UI_TIMEOUT_MS })) ?? "").trim();
  if (id === "") throw new Error(`sign-up of ${username} landed without a user id on the home page`);
  return { id, username, password };
}
