import { defineRealtimeChannel, RealtimeError } from "@repo/core-realtime";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inMemoryUnitOfWork } from "./in-memory-unit-of-work";
import { RecordingRealtimeBroadcaster } from "./recording-realtime-broadcaster";

const scoreChannel = defineRealtimeChannel({ name: "score.{gameId}", scope: "public", schema: z.object({ points: z.number() }) });

describe("inMemoryUnitOfWork", () => {
  it("hands the body the repositories and sends its broadcasts, in order, only once it succeeded", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    const scores = new Map<string, number>();
    const work = inMemoryUnitOfWork({ scores }, realtime);
    await work(async (scope) => {
      scope.scores.set("g", 1);
      await scope.realtime.broadcast(scoreChannel, { gameId: "g" }, { points: 1 });
      await scope.realtime.broadcast(scoreChannel, { gameId: "g" }, { points: 2 });
      expect(realtime.broadcasts).toEqual([]);
    });
    expect(scores.get("g")).toBe(1);
    expect(realtime.broadcastsOn(scoreChannel, { gameId: "g" }).map((b) => b.payload)).toEqual([{ points: 1 }, { points: 2 }]);
  });

  it("sends nothing when the body fails after broadcasting, and refuses a bad payload inside the body", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    const work = inMemoryUnitOfWork({}, realtime);
    await expect(
      work(async ({ realtime: tx }) => {
        await tx.broadcast(scoreChannel, { gameId: "g" }, { points: 1 });
        throw new Error("failed");
      }),
    ).rejects.toThrow("failed");
    const refused = await work(({ realtime: tx }) => tx.broadcast(scoreChannel, { gameId: "g" }, { points: "x" } as never)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RealtimeError);
    realtime.expectNoBroadcast();
  });
});
