import { describe, expect, it } from "vitest";
import type { RealtimeHandlerContext } from "@repo/core-realtime/server";
import type { realtimePingChannel } from "../realtime-ping.channel";
import { onPingHandler } from "./on-ping.handler";

describe("onPingHandler", () => {
  it("echoes the client's time beside the server's", async () => {
    const handler = onPingHandler({ now: () => 1_000 });
    const context = { userId: null } as unknown as RealtimeHandlerContext<typeof realtimePingChannel>;
    expect(await handler({ clientTime: 990 }, context)).toEqual({ serverTime: 1_000, clientTime: 990 });
  });
});
