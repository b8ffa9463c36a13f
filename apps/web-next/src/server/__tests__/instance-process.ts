/**
 * One app instance as its own process, for the multi-instance tests: the
 * real `startServer` (API only, no Next pages, so it needs no build) plus a
 * test-only room channel (history + presence) and `POST /test/broadcast`, so
 * a test can make THIS instance broadcast, and a counting inbound channel
 * with `GET /test/handler-runs` (how often THIS instance ran its handler). Prints `test_instance_ready` with
 * its URL on stdout; stops gracefully on SIGTERM like server.ts.
 */
import { withBroadcastSource } from "@repo/core-realtime/server";
import type { BroadcastSource } from "@repo/core-realtime/server";
import { z } from "zod";
import { loadProcessEnv } from "../../env";
import { installSignalHandlers } from "../shutdown";
import { startServer } from "../start-server";
import { testCounterChannel } from "./test-counter.channel";
import { testRoomChannel } from "./test-room.channel";

const ZBroadcastRequest = z.object({ roomId: z.string(), n: z.number() });

const { env, warnings } = loadProcessEnv();
const TEST_SOURCE: BroadcastSource = { kind: "use-case", name: "test.instance-process" };
// Allowed at start: binding seals the allowlist, after which no new source can be added.
const running = await startServer({ env, warnings, next: false, extraBroadcastSources: [TEST_SOURCE] });
const testBroadcaster = withBroadcastSource(running.realtimeServer.broadcaster, running.realtimeServer.broadcaster.sources.allow(TEST_SOURCE));
running.bound.realtime.realtimeRegistry.registerChannel(testRoomChannel);
let handlerRuns = 0;
running.bound.realtime.realtimeRegistry.register(testCounterChannel, async ({ delayMs }) => {
  const run = ++handlerRuns;
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return { instanceId: running.realtimeServer.instanceId, run };
});
running.dispatcher.addRoutes([
  {
    method: "POST",
    path: "/test/broadcast",
    async handler(req, res) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = ZBroadcastRequest.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      const receipt = await testBroadcaster.broadcast(
        testRoomChannel,
        { roomId: body.roomId },
        { n: body.n, from: running.realtimeServer.instanceId },
      );
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(receipt));
    },
  },
  {
    method: "GET",
    path: "/test/handler-runs",
    handler(_req, res) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ runs: handlerRuns }));
      return Promise.resolve();
    },
  },
]);
process.stdout.write(`${JSON.stringify({ msg: "test_instance_ready", url: running.url, instanceId: running.realtimeServer.instanceId })}\n`);
installSignalHandlers(process, (signal) => running.shutdown(signal), (code) => process.exit(code));
