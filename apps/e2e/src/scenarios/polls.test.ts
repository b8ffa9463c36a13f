import { expect, it } from "vitest";
import { describeInBrowser, isSameDocument, markDocument, saveScreenshot, UI_TIMEOUT_MS, uniqueLabel, useSignedInPair } from "../index";
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
