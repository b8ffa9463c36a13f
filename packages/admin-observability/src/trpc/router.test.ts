import { createCallerFactory } from "@repo/core-trpc";
import type { RealtimeUser } from "@repo/core-realtime";
import { describe, expect, it } from "vitest";
import { toActivityEntry } from "../domain/activity-entry";
import { InMemoryActivityLog } from "../repositories/in-memory-activity-log";
import { InMemoryMetricsSampleStore } from "../repositories/in-memory-metrics-sample-store";
import { getDashboardSnapshotUseCase } from "../use-cases/get-dashboard-snapshot";
import { createAdminObservabilityRouter } from "./router";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };

async function callerFor(user: RealtimeUser | null) {
  const activity = new InMemoryActivityLog();
  await activity.append(toActivityEntry("job:enqueued", { job: "notify", id: "j1" }, { id: "p1", publishedAt: 1 }));
  const router = createAdminObservabilityRouter({
    getSnapshot: getDashboardSnapshotUseCase({ instance: "instance-a", samples: new InMemoryMetricsSampleStore(), activity, sampleIntervalMs: 1_000 }),
  });
  return createCallerFactory(router)({ user, requestId: "r" });
}

describe("adminObservability router", () => {
  it("gives an admin the snapshot", async () => {
    const snapshot = await (await callerFor(alice)).snapshot();
    expect(snapshot).toMatchObject({ sampleIntervalMs: 1_000, staleAfterMs: 5_000, instance: "instance-a", samples: [], events: [{ id: "p1", name: "job:enqueued" }] });
  });

  it.each([
    { who: "a signed-in user without the admin role (bob)", user: bob, code: "FORBIDDEN" },
    { who: "a guest", user: null, code: "UNAUTHORIZED" },
  ])("refuses $who with $code and no data", async ({ user, code }) => {
    await expect((await callerFor(user)).snapshot()).rejects.toMatchObject({ code });
  });
});
