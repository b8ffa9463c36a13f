import { expect, it } from "vitest";
import { ALICE, AppApi, BOB, describeInBrowser, isSameDocument, markDocument, saveScreenshot, UI_TIMEOUT_MS, uniqueLabel, useSignedInPair, waitUntil } from "../index";
import { NotificationsPage } from "../pages/notifications-page";

describeInBrowser("notifications page, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("shows a notification alice sends to bob live on bob's page, never on alice's; mark-all-read clears the count live", async () => {
    const { alice, bob } = pair;
    const aliceInbox = new NotificationsPage(alice.page);
    const bobInbox = new NotificationsPage(bob.page);
    await Promise.all([aliceInbox.open(), bobInbox.open()]);
    await markDocument(bob.page);
    await expect.poll(() => bobInbox.unreadCount()).not.toBeNaN();
    const bobUnreadBefore = await bobInbox.unreadCount();

    const forBob = uniqueLabel("For bob");
    await aliceInbox.send({ userId: BOB.id, title: forBob, body: "Only bob may read this" });
    await expect.poll(() => bobInbox.item(forBob).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await expect(bobInbox.item(forBob).textContent()).resolves.toContain("Only bob may read this");
    await expect.poll(() => bobInbox.unreadCount(), { timeout: UI_TIMEOUT_MS }).toBe(bobUnreadBefore + 1);
    expect(await bobInbox.items.first().textContent()).toContain(forBob);

    // A later notification reaching alice's page proves her page was live the whole time.
    const forAlice = uniqueLabel("For alice");
    await aliceInbox.send({ userId: ALICE.id, title: forAlice, body: "" });
    await expect.poll(() => aliceInbox.item(forAlice).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await aliceInbox.item(forBob).count()).toBe(0);
    expect(await bobInbox.item(forAlice).count()).toBe(0);
    await saveScreenshot(alice.page, "notifications-alice");

    await bobInbox.markAllRead();
    await expect.poll(() => bobInbox.unreadCount(), { timeout: UI_TIMEOUT_MS }).toBe(0);
    await expect.poll(() => bobInbox.item(forBob).getAttribute("data-read"), { timeout: UI_TIMEOUT_MS }).toBe("true");
    expect(await isSameDocument(bob.page)).toBe(true);
    await saveScreenshot(bob.page, "notifications-bob");
    expect(alice.pageErrors).toEqual([]);
    expect(bob.pageErrors).toEqual([]);
  });

  it("recovers every notification sent while bob's page reloads, each shown exactly once", async () => {
    const { server, bob } = pair;
    const api = await AppApi.signIn(server.url, ALICE);
    const bobInbox = new NotificationsPage(bob.page);
    await bobInbox.open();
    const titles = Array.from({ length: 12 }, (_, index) => uniqueLabel(`Stream ${index + 1}`));
    const sent: string[] = [];

    // A paced stream, so notifications land before the reload, while the old page unloads, between
    // the new page's snapshot and its subscription, and after it: every path a message can take.
    const stream = (async () => {
      for (const title of titles) {
        await api.mutate("notifications.send", { userId: BOB.id, title, body: "streamed" });
        sent.push(title);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await waitUntil(() => sent.length >= 2, { timeoutMs: UI_TIMEOUT_MS, what: "the stream to start" });
    await bob.page.reload();
    await bobInbox.list.waitFor();
    await stream;

    for (const title of titles) {
      await expect.poll(() => bobInbox.item(title).count(), { timeout: UI_TIMEOUT_MS, message: title }).toBe(1);
    }
    const ids = await bobInbox.itemIds();
    expect(new Set(ids).size).toBe(ids.length);
    // Newest first: the stream's last notification heads the list.
    expect(await bobInbox.items.first().textContent()).toContain(titles.at(-1));
    await saveScreenshot(bob.page, "notifications-reload-recovered");
    expect(bob.pageErrors).toEqual([]);
  });
});
