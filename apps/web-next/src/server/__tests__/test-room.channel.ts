import { z } from "zod";
import { defineRealtimeChannel } from "@repo/core-realtime";

/** Only the multi-instance tests use it: signed-in users, history to replay, presence to list. */
export const testRoomChannel = defineRealtimeChannel({
  name: "test-room.{roomId}",
  scope: "authenticated",
  schema: z.object({ n: z.number(), from: z.string() }),
  history: { size: 200, ttlSeconds: 300 },
  presence: true,
});
