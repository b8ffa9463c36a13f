import { createContainer, instrumentRealtimeHandler, realtimeFor } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { withChannelPolicy } from "@repo/core-realtime";
import { bindRealtimeBridge } from "@repo/core-realtime/server";
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
 * Wires the polls feature for production: polls, tallies and the
 * one-vote-per-user key in the system of record (`ctx.database`, migrated
 * with `pollsMigrations`), and the `polls.{pollId}` channel with its `vote` handler.
 *
 * @example
 * const polls = bindProductionPolls(ctx);
 * const { id } = await polls.container.get(PollsSymbols.createPoll)({ question: "Lunch?", options: ["soup", "salad"], createdBy: "alice" });
 */
export function bindProductionPolls(ctx: BindContext): FeatureModule<PollsRouter> {
  const container = createContainer(POLLS_FEATURE_NAME);
  bindPollsServices(container, ctx, sqlPollsRepositories(ctx.database));
  // @anchor:bindings

  container.bind(PollsSymbols.onVoteHandler, onVoteHandler({ castVote: container.get(PollsSymbols.castVote) }));
  // Registered with its policy: a draft's channel is readable by its creator and admins only.
  ctx.realtimeRegistry.register(
    withChannelPolicy(pollChannel, pollChannelPolicy(container.get(PollsSymbols.pollRepository))),
    instrumentRealtimeHandler(ctx, "polls.on-vote", container.get(PollsSymbols.onVoteHandler)),
  );
  ctx.realtimeRegistry.registerChannel(pollsDirectoryChannel);
  const stopDirectory = bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "polls" }), pollsDirectoryBridge);
  // @anchor:realtime-handlers

  return pollsFeatureModule(container, [stopDirectory]);
}
