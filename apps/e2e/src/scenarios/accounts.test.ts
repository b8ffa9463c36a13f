import { expect, it } from "vitest";
import { describeInBrowser, openSignedInPage, openVisitorPage, saveScreenshot, signUpThroughForm, UI_TIMEOUT_MS, uniqueLabel, uniqueUsername, useSignedInPair } from "../index";
import type { SeedUser } from "../index";
import { AdminPage } from "../pages/admin-page";
import { PollsPage } from "../pages/polls-page";
import { SignUpPage } from "../pages/sign-up-page";
import { UsersPage } from "../pages/users-page";

describeInBrowser("accounts: sign-up page and the admin Users page, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("signs a visitor up and lands them signed in; a taken name and a mistyped confirmation are explained on the form", async () => {
    const { stack, server } = pair;
    const visitor = await openVisitorPage(stack.browser, server.url);
    try {
      const signUp = new SignUpPage(visitor.page);
      expect((await signUp.open())?.status()).toBe(200);
      await signUp.submit("Alice", "some-long-password");
      await expect.poll(() => signUp.error.textContent(), { timeout: UI_TIMEOUT_MS }).toContain("taken");
      await signUp.submit(uniqueUsername("typo"), "some-long-password", "some-other-password");
      await expect.poll(() => signUp.error.textContent(), { timeout: UI_TIMEOUT_MS }).toContain("differ");
      await signUp.submit("carol", "carol");
      expect(visitor.page.url()).toContain("/sign-up"); // the browser's own checks (minlength) stop it before any request

      const carol = await signUpThroughForm(visitor, uniqueUsername("carol"), "carol-password");
      await saveScreenshot(visitor.page, "sign-up-landed");
      // The cookie the sign-up set is a working session: an authed page serves carol.
      const polls = new PollsPage(visitor.page);
      await polls.open();
      expect(carol.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(visitor.pageErrors).toEqual([]);
    } finally {
      await visitor.close();
    }
  });

  it("lets alice grant and revoke admin on /admin/users; the new admin's next page load is an admin's; bob gets 403", async () => {
    const { stack, server, alice, bob } = pair;
    const visitor = await openVisitorPage(stack.browser, server.url);
    try {
      const dave = await signUpThroughForm(visitor, uniqueUsername("dave"), "dave-password");
      expect((await new AdminPage(visitor.page).open())?.status()).toBe(403);

      const users = new UsersPage(alice.page);
      expect((await users.open())?.status()).toBe(200);
      expect(await users.roles("alice")).toBe("admin");
      expect(await users.roles(dave.username)).toBe("none");
      await users.toggleAdmin(dave.username);
      await expect.poll(() => users.roles(dave.username), { timeout: UI_TIMEOUT_MS }).toBe("admin");
      await saveScreenshot(alice.page, "admin-users");

      // Roles are read on every request: dave's existing session is an admin's now, and after a reload alice still sees it.
      expect((await new AdminPage(visitor.page).open())?.status()).toBe(200);
      await users.open();
      expect(await users.roles(dave.username)).toBe("admin");

      await users.toggleAdmin(dave.username);
      await expect.poll(() => users.roles(dave.username), { timeout: UI_TIMEOUT_MS }).toBe("none");
      expect((await new AdminPage(visitor.page).open())?.status()).toBe(403);

      const bobUsers = new UsersPage(bob.page);
      expect((await bobUsers.open())?.status()).toBe(403);
      await bobUsers.forbidden.waitFor();
      expect(await bobUsers.table.count()).toBe(0);
      expect(alice.pageErrors).toEqual([]);
    } finally {
      await visitor.close();
    }
  });

  it("sign up, sign in (another browser), vote, reload: the vote is still there", async () => {
    const { stack, server } = pair;
    const signUpBrowser = await openVisitorPage(stack.browser, server.url);
    let erin: SeedUser;
    try {
      erin = await signUpThroughForm(signUpBrowser, uniqueUsername("erin"), "erin-password");
    } finally {
      await signUpBrowser.close();
    }
    const signedIn = await openSignedInPage(stack.browser, server.url, erin);
    try {
      const polls = new PollsPage(signedIn.page);
      await polls.open();
      const pollId = await polls.create(uniqueLabel("Erin's poll"), ["Yes", "No"]);
      const [yes] = await polls.optionIds(pollId);
      expect(yes).toBeTruthy();
      await polls.vote(pollId, yes!);
      await expect.poll(() => polls.votes(pollId, yes!), { timeout: UI_TIMEOUT_MS }).toBe(1);

      await signedIn.page.reload();
      await polls.pollById(pollId).waitFor({ timeout: UI_TIMEOUT_MS });
      await expect.poll(() => polls.votes(pollId, yes!), { timeout: UI_TIMEOUT_MS }).toBe(1);
      expect(await polls.total(pollId)).toBe(1);
      expect(signedIn.pageErrors).toEqual([]);
    } finally {
      await signedIn.close();
    }
  });
});
