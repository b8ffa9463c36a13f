import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindProductionPolls } from "./bind-production";
import { seedPolls } from "./dev-seed/seed-polls";
import { PollsSymbols } from "./di/symbols";
import type { PollsRouter } from "./trpc/router";

/**
 * The production wiring (`bindProductionPolls`, unchanged) plus seed polls
 * (two open, one closed, with votes), so `/polls` shows something on first
 * start. Seeded through the same use cases, idempotently: a restart on the
 * same database adds nothing.
 *
 * @example
 * const polls = await bindDevSeedPolls(ctx);
 */
export async function bindDevSeedPolls(ctx: BindContext): Promise<FeatureModule<PollsRouter>> {
  const polls = bindProductionPolls(ctx);
  const { container } = polls;
  // Dev-only bindings and channels go above these anchors; the generators write the production
  // ones into bind-production.ts, which this file runs first.
  // @anchor:bindings

  // @anchor:realtime-handlers

  await seedPolls({
    createPoll: container.get(PollsSymbols.createPoll),
    openPoll: container.get(PollsSymbols.openPoll),
    closePoll: container.get(PollsSymbols.closePoll),
    castVote: container.get(PollsSymbols.castVote),
  });
  return polls;
}
