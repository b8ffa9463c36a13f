import { isDeepStrictEqual } from "node:util";
import { createTestPostgresDatabase, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { TEST_REDIS_URL, describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ALICE,
  AppApi,
  BOB,
  isSameDocument,
  markDocument,
  openSignedInPage,
  probeChromium,
  saveScreenshot,
  showServerLogsOnFailure,
  startE2eStack,
  UI_TIMEOUT_MS,
  uniqueLabel,
} from "../index";
import type { AppServer, E2eStack, UserPage } from "../index";
import { AdminPage, INSTANCE_COLUMNS } from "../pages/admin-page";
import type { ClusterReading } from "../pages/admin-page";
import { ArticlesPage } from "../pages/articles-page";
import { NotificationsPage } from "../pages/notifications-page";
import { PollsPage } from "../pages/polls-page";

const chromiumAvailable = probeChromium();
const redisAvailable = await probeRedis();
// Both instances share one PostgreSQL database (the system of record, ADR-020); probePostgres prints a loud banner when it is missing.
const postgresAvailable = await probePostgres();

/**
 * What the totals row should show for the rows above it: every column adds
 * up, except outbox depth, which each instance reads from the one shared
 * outbox table (the cluster's figure is the largest reading, not a sum).
 */
function expectedTotals(reading: ClusterReading): ClusterReading["totals"] {
  const column = (name: (typeof INSTANCE_COLUMNS)[number]) => reading.instances.map((row) => row.values[name]);
  const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) * 100) / 100;
  return Object.fromEntries(
    INSTANCE_COLUMNS.map((name) => [name, name === "outbox-pending" ? Math.max(0, ...column(name)) : sum(column(name))]),
  ) as ClusterReading["totals"];
}

// Two production instances on one Redis, alice's tab on A and bob's on B: every update has to
// cross instances. The realtime keys live under this run's own REDIS_KEY_PREFIX (deleted after);
// feature data lives in one PostgreSQL database of this run's own (dropped after), shared by both.
// Skipped (loudly, by both probes) only outside CI when Chromium or Redis is missing; under CI=true it runs and fails.
describeWithRedis(redisAvailable && chromiumAvailable && postgresAvailable)("two instances on one Redis", () => {
  let stack: E2eStack | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  let serverA: AppServer;
  let serverB: AppServer;
  let alice: UserPage;
  let bob: UserPage;

  const keyspace = testRedisKeyspace("e2e");
  let database: TestPostgresDatabase | undefined;

  beforeAll(async () => {
    // A client of the keyspace's own, so dispose() can delete what the servers wrote under its prefix.
    await keyspace.client();
    database = await createTestPostgresDatabase("e2e");
    const env = { REDIS_KEY_PREFIX: keyspace.prefix };
    stack = await startE2eStack([
      { name: "instance-a", redisUrl: TEST_REDIS_URL, databaseUrl: database.url, env },
      { name: "instance-b", redisUrl: TEST_REDIS_URL, databaseUrl: database.url, env },
    ]);
    [serverA, serverB] = stack.servers as [AppServer, AppServer];
    alice = await openSignedInPage(stack.browser, serverA.url, ALICE);
    bob = await openSignedInPage(stack.browser, serverB.url, BOB);
  });

  afterAll(async () => {
    await stack?.close();
    await keyspace.dispose();
    await database?.drop();
  });

  it("delivers a notification alice sends on A to bob's page on B, and never to alice", async () => {
    const aliceInbox = new NotificationsPage(alice.page);
    const bobInbox = new NotificationsPage(bob.page);
    await Promise.all([aliceInbox.open(), bobInbox.open()]);
    const forBob = uniqueLabel("Across instances");
    await aliceInbox.send({ userId: BOB.id, title: forBob, body: "from instance A" });
    await expect.poll(() => bobInbox.item(forBob).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);

    const forAlice = uniqueLabel("Back to alice");
    await aliceInbox.send({ userId: ALICE.id, title: forAlice, body: "" });
    await expect.poll(() => aliceInbox.item(forAlice).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await aliceInbox.item(forBob).count()).toBe(0);
    await saveScreenshot(bob.page, "multi-instance-notifications-bob");
    expect(bob.pageErrors).toEqual([]);
  });

  it("updates the poll results on A when bob votes on B, and the other way round", async () => {
    const alicePolls = new PollsPage(alice.page);
    const bobPolls = new PollsPage(bob.page);
    await alicePolls.open();
    const pollId = await alicePolls.create(uniqueLabel("Which instance?"), ["A", "B"]);
    const [optionA, optionB] = await alicePolls.optionIds(pollId);
    await bobPolls.open();
    await bobPolls.pollById(pollId).waitFor();

    await bobPolls.vote(pollId, optionB!);
    await expect.poll(() => alicePolls.votes(pollId, optionB!), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await alicePolls.vote(pollId, optionA!);
    await expect.poll(() => bobPolls.votes(pollId, optionA!), { timeout: UI_TIMEOUT_MS }).toBe(1);
    await expect.poll(() => bobPolls.total(pollId), { timeout: UI_TIMEOUT_MS }).toBe(2);
    await saveScreenshot(alice.page, "multi-instance-polls-alice");
    expect(alice.pageErrors).toEqual([]);
  });

  it("puts an article bob publishes on B into alice's feed on A without a reload", async () => {
    const aliceArticles = new ArticlesPage(alice.page);
    const bobArticles = new ArticlesPage(bob.page);
    await Promise.all([aliceArticles.open(), bobArticles.open()]);
    await markDocument(alice.page);
    const title = uniqueLabel("Published on B");
    await bobArticles.publish(title, "Read on A.");
    await expect.poll(() => aliceArticles.item(title).count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await isSameDocument(alice.page)).toBe(true);
    await saveScreenshot(alice.page, "multi-instance-articles-alice");
  });

  it("shows both instances on alice's admin dashboard (she is on A), one row each, with cluster totals and the outbox that add them up", async () => {
    // Bob's page on B holds a connection and subscriptions there; alice's dashboard on A holds hers.
    await new PollsPage(bob.page).open();
    const admin = new AdminPage(alice.page);
    expect((await admin.open())?.status()).toBe(200);
    await admin.dashboard.waitFor();
    // A notification goes through the outbox (ADR-021): some instance's relay delivers it.
    await (await AppApi.signIn(serverB.url, ALICE)).mutate("notifications.send", { userId: BOB.id, title: uniqueLabel("Counted by the outbox"), body: "" });

    let reading: ClusterReading | undefined;
    await expect
      .poll(
        async () => {
          reading = await admin.clusterReading();
          return reading.instances.length === 2 && reading.instances.every((row) => row.values.connections >= 1) && reading.totals["outbox-deliveries"] >= 1;
        },
        { timeout: UI_TIMEOUT_MS * 2, message: "two reporting instances, each with a connection, and an outbox delivery" },
      )
      .toBe(true);
    // Rows and totals are read cell by cell while samples keep arriving: wait for a reading taken between two samples.
    await expect
      .poll(
        async () => {
          reading = await admin.clusterReading();
          return { shown: reading.totals, sumOfRows: expectedTotals(reading) };
        },
        { timeout: UI_TIMEOUT_MS, message: "totals row = sum of the instance rows" },
      )
      .toSatisfy(({ shown, sumOfRows }) => isDeepStrictEqual(shown, sumOfRows));
    const shown = reading!;
    expect(new Set(shown.instances.map((row) => row.instance)).size).toBe(2);
    expect(shown.instances.length).toBe(2);
    expect(shown.totals).toEqual(expectedTotals(shown));
    expect(shown.totals.connections).toBeGreaterThanOrEqual(2);
    // The header shows the cluster, and so does the outbox panel.
    expect(shown.metrics["metric-connections"]).toBe(shown.totals.connections);
    expect(shown.outbox["outbox-deliveries"]).toBe(shown.totals["outbox-deliveries"]);
    expect(shown.outbox["outbox-pending"]).toBe(shown.totals["outbox-pending"]);
    await saveScreenshot(alice.page, "multi-instance-admin-cluster");
    expect(alice.pageErrors).toEqual([]);
  });

  it("keeps alice signed in across a restart of her instance: the page reconnects by itself", async () => {
    await alice.page.goto("/");
    const status = alice.page.getByTestId("connection-status");
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBe("connected");
    await markDocument(alice.page);

    expect(await serverA.stop(), serverA.logTail).toBe(0);
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS }).toBeOneOf(["reconnecting", "degraded", "disconnected", "connecting"]);
    await saveScreenshot(alice.page, "multi-instance-restart-down");
    await serverA.restart();
    // Reconnecting runs the handshake's authentication again: "connected" means the session (in Redis) survived.
    await expect.poll(() => status.getAttribute("data-state"), { timeout: UI_TIMEOUT_MS * 2 }).toBe("connected");
    await expect.poll(() => alice.page.getByTestId("round-trip").textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^\d+ ms$/);
    expect(await isSameDocument(alice.page)).toBe(true);
    await saveScreenshot(alice.page, "multi-instance-restart-reconnected");
    expect(alice.pageErrors).toEqual([]);
  });

  it("resubscribes alice's open notifications page after her instance restarts: what B sends then arrives live", async () => {
    const inbox = new NotificationsPage(alice.page);
    await inbox.open();
    await markDocument(alice.page);
    await serverA.restart();
    const title = uniqueLabel("After the restart");
    await (await AppApi.signIn(serverB.url, ALICE)).mutate("notifications.send", { userId: ALICE.id, title, body: "" });
    await expect.poll(() => inbox.item(title).count(), { timeout: UI_TIMEOUT_MS * 2 }).toBe(1);
    expect(await isSameDocument(alice.page)).toBe(true);
    await saveScreenshot(alice.page, "multi-instance-restart-resubscribed");
    expect(alice.pageErrors).toEqual([]);
  });
});
