import { createContainer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { withChannelPolicy } from "@repo/core-realtime";
import { bindRealtimeBridge } from "@repo/core-realtime/server";
import { withCapture, withSpan } from "@repo/core-observability";
import { seedPolls } from "./dev-seed/seed-polls";
import { bindPollsServices, sqlPollsRepositories } from "./di/bind-polls-services";
import { pollsFeatureModule, POLLS_FEATURE_NAME } from "./di/polls-feature-module";
import { PollsSymbols } from "./di/symbols";
import { onVoteHandler } from "./realtime/handlers/on-vote.handler";
import { pollChannel } from "./realtime/poll.channel";
import { pollChannelPolicy } from "./realtime/poll-channel-policy";
import { pollsDirectoryChannel } from "./realtime/polls-directory.channel";
import { pollsDirectoryBridge } from "./realtime/polls-directory.mapping";
import type { PollsRouter } from "./trpc/router";

/**
 * The production wiring plus seed polls (two open, one closed, with votes),
 * so `/polls` shows something on first start. Seeded through the same
 * repositories, idempotently: a restart on the same database adds nothing.
 *
 * @example
 * const polls = await bindDevSeedPolls(ctx);
 */
export async function bindDevSeedPolls(ctx: BindContext): Promise<FeatureModule<PollsRouter>> {
  const container = createContainer(POLLS_FEATURE_NAME);
  bindPollsServices(container, ctx, sqlPollsRepositories(ctx.database));
  // @anchor:bindings

  container.bind(PollsSymbols.onVoteHandler, onVoteHandler({ castVote: container.get(PollsSymbols.castVote) }));
  // Registered with its policy: a draft's channel is readable by its creator and admins only.
  ctx.realtimeRegistry.register(
    withChannelPolicy(pollChannel, pollChannelPolicy(container.get(PollsSymbols.pollRepository))),
    withSpan(
      ctx.tracer,
      { op: "realtime-handler", name: "polls.on-vote" },
      withCapture(ctx.logger, { layer: "realtime-handler", name: "polls.on-vote" }, container.get(PollsSymbols.onVoteHandler)),
    ),
  );
  ctx.realtimeRegistry.registerChannel(pollsDirectoryChannel);
  const stopDirectory = bindRealtimeBridge(ctx.bus, ctx.realtime, pollsDirectoryBridge);
  // @anchor:realtime-handlers

  await seedPolls({
    createPoll: container.get(PollsSymbols.createPoll),
    openPoll: container.get(PollsSymbols.openPoll),
    closePoll: container.get(PollsSymbols.closePoll),
    castVote: container.get(PollsSymbols.castVote),
  });
  return pollsFeatureModule(container, [stopDirectory]);
}
