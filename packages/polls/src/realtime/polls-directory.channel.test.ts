import type { AppDatabase } from "@repo/core-database";
import type { FeatureModule } from "@repo/core-di";
import type { RealtimeUser } from "@repo/core-realtime";
import { startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness } from "@repo/core-testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alice as aliceActor, createdId, DATABASE_HOOK_TIMEOUT_MS, openPollsTestDatabase, pollsTestContext } from "../__tests__/polls-test-kit";
import { bindProductionPolls } from "../bind-production";
import { PollsSymbols } from "../di/symbols";
import type { PollsRouter } from "../trpc/router";
import { pollsDirectoryChannel } from "./polls-directory.channel";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };

/** Long enough for a stray message to arrive over loopback if the server were going to send one. */
const QUIET_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

// The production bind file on a real Socket.IO server: use case -> bus -> bridge allowlist -> sockets.
describe("polls-directory over real sockets, fed by the production wiring", () => {
  let harness: ChannelHarness;
  let polls: FeatureModule<PollsRouter>;
  let database: AppDatabase;

  beforeAll(async () => {
    database = await openPollsTestDatabase();
    // No channels passed: the bind file registers them itself, as in the app.
    harness = await startChannelHarness({ users: [alice, bob] });
    polls = bindProductionPolls(pollsTestContext({ database, realtime: harness.server.broadcaster, realtimeSources: harness.server.broadcaster.sources, realtimeRegistry: harness.registry }).ctx);
  }, DATABASE_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await polls.close?.();
    await harness.close();
    await database.close();
  }, DATABASE_HOOK_TIMEOUT_MS);

  it("refuses anonymous subscribers and accepts signed-in ones", async () => {
    const anonymous = await harness.connectAs(null);
    expect(await anonymous.subscribe(pollsDirectoryChannel, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const reader = await harness.connectAs(bob);
    expect(await reader.subscribe(pollsDirectoryChannel, {})).toMatchObject({ ok: true, channel: "polls-directory" });
    anonymous.close();
    reader.close();
  });

  it("announces a poll when it opens and when it closes, never while it is a draft", async () => {
    const reader = await harness.connectAs(bob);
    await reader.subscribe(pollsDirectoryChannel, {});
    const id = createdId(await polls.container.get(PollsSymbols.createPoll)({ question: "Lunch?", options: ["soup", "salad"], createdBy: "alice" }));
    await quiet();
    expect(reader.received("polls-directory")).toEqual([]); // bob may not see alice's draft

    expect(await polls.container.get(PollsSymbols.openPoll)({ id, actor: aliceActor })).toMatchObject({ ok: true, status: "open" });
    expect(await reader.waitFor("polls-directory", 1)).toEqual([{ pollId: id, status: "open" }]);
    expect(await polls.container.get(PollsSymbols.closePoll)({ id, actor: aliceActor })).toMatchObject({ ok: true, status: "closed" });
    expect(await reader.waitFor("polls-directory", 2)).toEqual([
      { pollId: id, status: "open" },
      { pollId: id, status: "closed" },
    ]);
    reader.close();
  });

  it("stops announcing once the feature is closed", async () => {
    const other = bindProductionPolls(pollsTestContext({ database, realtime: harness.server.broadcaster, realtimeSources: harness.server.broadcaster.sources }).ctx);
    const reader = await harness.connectAs(bob);
    await reader.subscribe(pollsDirectoryChannel, {});
    await other.close?.();
    const id = createdId(await other.container.get(PollsSymbols.createPoll)({ question: "Tea?", options: ["green", "black"], createdBy: "alice" }));
    await other.container.get(PollsSymbols.openPoll)({ id, actor: aliceActor });
    await quiet();
    expect(reader.received("polls-directory")).toEqual([]);
    reader.close();
  });
});
