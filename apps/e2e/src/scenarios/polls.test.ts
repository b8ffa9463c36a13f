import { expect, it } from "vitest";
import { describeInBrowser, isSameDocument, markDocument, openVisitorPage, saveScreenshot, signUpThroughForm, UI_TIMEOUT_MS, uniqueLabel, uniqueUsername, useSignedInPair } from "../index";
import { PollsPage } from "../pages/polls-page";

describeInBrowser("polls page, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("lists a poll alice opens on bob's page by itself, updates the results across contexts, refuses a second vote, and shows who is here", async () => {
    const { alice, bob } = pair;
    const alicePolls = new PollsPage(alice.page);
    const bobPolls = new PollsPage(bob.page);
    // Bob's page is open before alice creates the poll: it must appear there by itself.
    await Promise.all([alicePolls.open(), bobPolls.open()]);
    await markDocument(bob.page);
    const question = uniqueLabel("Tea or coffee?");
    const pollId = await alicePolls.create(question, ["Tea", "Coffee"]);
    expect(await alicePolls.pollById(pollId).getAttribute("data-status")).toBe("open");
    const [tea, coffee] = await alicePolls.optionIds(pollId);
    expect(tea).toBeTruthy();
    expect(coffee).toBeTruthy();

    await bobPolls.pollById(pollId).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await isSameDocument(bob.page)).toBe(true);
    await markDocument(alice.page);
    await expect.poll(() => bobPolls.total(pollId), { timeout: UI_TIMEOUT_MS }).toBe(0);
    // Presence: both pages list both people who have the poll open.
    await expect.poll(() => alicePolls.presence(pollId), { timeout: UI_TIMEOUT_MS }).toBe("alice,bob");
    await expect.poll(() => bobPolls.presence(pollId), { timeout: UI_TIMEOUT_MS }).toBe("alice,bob");

    await alicePolls.vote(pollId, tea!);
    await expect.poll(() => bobPolls.votes(pollId, tea!), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await expect.poll(() => bobPolls.total(pollId), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await bobPolls.votes(pollId, coffee!)).toBe(0);

    await bobPolls.vote(pollId, coffee!);
    await expect.poll(() => alicePolls.votes(pollId, coffee!), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await expect.poll(() => alicePolls.total(pollId), { timeout: UI_TIMEOUT_MS }).toBe(2);
    expect(await alicePolls.votes(pollId, tea!)).toBe(1);

    // One vote per person: a second one is refused with a visible code and changes nothing anywhere.
    await bobPolls.vote(pollId, tea!);
    await expect.poll(() => bobPolls.error(pollId), { timeout: UI_TIMEOUT_MS }).toBe("ALREADY_VOTED");
    expect(await bobPolls.total(pollId)).toBe(2);
    expect(await alicePolls.votes(pollId, tea!)).toBe(1);
    expect(await alicePolls.total(pollId)).toBe(2);

    expect(await isSameDocument(alice.page)).toBe(true);
    expect(await isSameDocument(bob.page)).toBe(true);
    await saveScreenshot(alice.page, "polls-alice");
    await saveScreenshot(bob.page, "polls-bob");
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);

    // Bob leaves the page: alice sees him go, live.
    await bob.page.goto("/");
    await expect.poll(() => alicePolls.presence(pollId), { timeout: UI_TIMEOUT_MS }).toBe("alice");
  });
});

describeInBrowser("polls page pages older polls, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("shows the newest 20 and appends older ones with 'Older polls' until there are none", async () => {
    const { bob, server } = pair;
    // Twenty open polls newer than the three seed polls, made over bob's own session (the context's cookie).
    for (let i = 0; i < 20; i++) {
      const created = await bob.page.request.post(`${server.url}/api/trpc/polls.create`, { data: { question: uniqueLabel(`Page ${i}?`), options: ["a", "b"] } });
      expect(created.status()).toBe(200);
      const { result } = (await created.json()) as { result: { data: { id: string } } };
      expect((await bob.page.request.post(`${server.url}/api/trpc/polls.open`, { data: { id: result.data.id } })).status()).toBe(200);
    }
    const polls = new PollsPage(bob.page);
    await polls.open();
    await expect.poll(() => bob.page.getByTestId("poll").count(), { timeout: UI_TIMEOUT_MS }).toBe(20);
    expect(await polls.pollById("seed-offsite").count()).toBe(0);
    await bob.page.getByTestId("poll-list-older").click();
    await polls.pollById("seed-offsite").waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await bob.page.getByTestId("poll").count()).toBeGreaterThanOrEqual(23);
    expect(await bob.page.getByTestId("poll-list-older").count()).toBe(0);
  });
  it("shows two people on the same poll each other's names, not their ids", async () => {
    const { stack, server } = pair;
    // Fresh accounts: their ids are random UUIDs, so a name on screen can only have come from presence.
    const [dora, eli] = [await openVisitorPage(stack.browser, server.url), await openVisitorPage(stack.browser, server.url)];
    try {
      const doraUser = await signUpThroughForm(dora, uniqueUsername("dora"), "dora-password");
      const eliUser = await signUpThroughForm(eli, uniqueUsername("eli"), "eli-password");
      expect(doraUser.id).not.toBe(doraUser.username);
      const doraPolls = new PollsPage(dora.page);
      const eliPolls = new PollsPage(eli.page);
      await doraPolls.open();
      const pollId = await doraPolls.create(uniqueLabel("Who is here?"), ["Me", "Also me"]);
      await eliPolls.open();
      await eliPolls.pollById(pollId).waitFor({ timeout: UI_TIMEOUT_MS });

      // Others may have the polls page open too (bob, from the test before): dora and eli must be there by name.
      const expected = { [doraUser.id]: doraUser.username, [eliUser.id]: eliUser.username };
      await expect.poll(() => doraPolls.presenceNames(pollId), { timeout: UI_TIMEOUT_MS }).toMatchObject(expected);
      await expect.poll(() => eliPolls.presenceNames(pollId), { timeout: UI_TIMEOUT_MS }).toMatchObject(expected);
      const shown = (await doraPolls.pollById(pollId).getByTestId("poll-presence").textContent()) ?? "";
      expect(shown).toContain(eliUser.username);
      expect(shown).not.toContain(eliUser.id);
      // The id list the page contract already had is unchanged.
      expect((await doraPolls.presence(pollId)).split(",")).toEqual(expect.arrayContaining([doraUser.id, eliUser.id]));
      await saveScreenshot(dora.page, "polls-presence-names");
      expect(dora.pageErrors).toEqual([]);
      expect(eli.pageErrors).toEqual([]);
    } finally {
      await Promise.all([dora.close(), eli.close()]);
    }
  });
});
