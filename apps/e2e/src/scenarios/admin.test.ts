import { expect, it } from "vitest";
import { ALICE, AppApi, BOB, describeInBrowser, isSameDocument, markDocument, openVisitorPage, saveDocScreenshot, saveScreenshot, UI_TIMEOUT_MS, uniqueLabel, useSignedInPair } from "../index";
import { ADMIN_METRICS, AdminPage } from "../pages/admin-page";

describeInBrowser("admin dashboard, production build, in-memory", () => {
  const pair = useSignedInPair();

  it("updates live for alice: metrics, the chart, the timestamp, the event log and the outbox panel", async () => {
    const { server, alice } = pair;
    const admin = new AdminPage(alice.page);
    const response = await admin.open();
    expect(response?.status()).toBe(200);
    await admin.dashboard.waitFor();
    await markDocument(alice.page);
    for (const metric of ADMIN_METRICS) {
      await expect.poll(() => admin.metric(metric), { timeout: UI_TIMEOUT_MS, message: metric }).toBeGreaterThanOrEqual(0);
    }
    // Alice's own tab is connected, so the dashboard counts at least one connection.
    await expect.poll(() => admin.metric("metric-connections"), { timeout: UI_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);

    const firstUpdate = await admin.updatedAt();
    await expect.poll(() => admin.updatedAt(), { timeout: UI_TIMEOUT_MS }).not.toBe(firstUpdate);
    // The chart keeps a bounded window of samples, so "updates" means it redraws, not that it grows forever.
    const drawnBefore = await admin.chart.innerHTML();
    await expect.poll(() => admin.chart.innerHTML(), { timeout: UI_TIMEOUT_MS }).not.toBe(drawnBefore);
    await expect.poll(() => admin.chartPoints(), { timeout: UI_TIMEOUT_MS }).toBeGreaterThanOrEqual(2);
    expect(await admin.chart.count()).toBe(1);

    // Something happens elsewhere in the app: the bus event shows up in the log without a reload.
    const api = await AppApi.signIn(server.url, ALICE);
    await api.mutate("notifications.send", { userId: BOB.id, title: uniqueLabel("Admin log probe"), body: "" });
    await expect.poll(() => admin.events("notification:sent").count(), { timeout: UI_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
    // The notification went through the outbox (ADR-021): the relay's delivery shows in the outbox panel and on the one instance row.
    await expect.poll(async () => (await admin.clusterReading()).outbox["outbox-deliveries"], { timeout: UI_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
    const reading = await admin.clusterReading();
    expect(reading.instances).toHaveLength(1);
    expect(reading.outbox["outbox-pending"]).toBeGreaterThanOrEqual(0);
    expect(reading.outbox["outbox-oldest-age"]).toBeGreaterThanOrEqual(0);
    expect(reading.outbox["outbox-retries"]).toBe(0);

    expect(await isSameDocument(alice.page)).toBe(true);
    await saveDocScreenshot(alice.page, "admin");
    expect(alice.pageErrors).toEqual([]);
  });

  it("answers bob with HTTP 403 and the forbidden page, with no dashboard in it", async () => {
    const { bob } = pair;
    const admin = new AdminPage(bob.page);
    const response = await admin.open();
    expect(response?.status()).toBe(403);
    await admin.forbidden.waitFor();
    expect(await admin.dashboard.count()).toBe(0);
    // Checked on the bytes the server sent (HTML and its inline RSC payload), not only on the rendered DOM.
    const html = (await response?.text()) ?? "";
    for (const testId of ["admin-dashboard", "admin-event-log", "admin-instances", "outbox-panel", ...ADMIN_METRICS]) expect(html).not.toContain(testId);
    await saveScreenshot(bob.page, "admin-forbidden-bob");
    expect(bob.pageErrors).toEqual([]);
  });

  it("answers a signed-out visitor with HTTP 403 too", async () => {
    const { stack, server } = pair;
    const visitor = await openVisitorPage(stack.browser, server.url);
    try {
      const admin = new AdminPage(visitor.page);
      const response = await admin.open();
      expect(response?.status()).toBe(403);
      await admin.forbidden.waitFor();
      expect(await admin.dashboard.count()).toBe(0);
      await saveScreenshot(visitor.page, "admin-forbidden-visitor");
    } finally {
      await visitor.close();
    }
  });
});
