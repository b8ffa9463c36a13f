import { authedProcedure, router } from "@repo/core-trpc";
import { CHANNEL_PARAM_VALUE } from "@repo/core-realtime";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ZPollCursor } from "../domain/poll-cursor";
import type { ChangePollStatus } from "../use-cases/change-poll-status";
import type { CreatePoll } from "../use-cases/create-poll";
import { ZCreatePollRequest } from "../use-cases/create-poll";
import type { GetPoll } from "../use-cases/get-poll";
import type { ListPolls } from "../use-cases/list-polls";
import { MAX_POLL_LIST_LIMIT } from "../use-cases/list-polls";
import { refusalToTrpcError } from "./refusal-to-trpc-error";

/** `{ id }` of `polls.open`, `polls.close` and `polls.get`. */
const ZPollIdRequest = z.object({ id: z.string().regex(CHANNEL_PARAM_VALUE, "Invalid poll id") });

/** `polls.list` input: an optional page size and the previous page's `nextCursor` (opaque; a forged one is a 400). */
const ZListPollsRequest = z
  .object({ limit: z.number().int().min(1).max(MAX_POLL_LIST_LIMIT).optional(), cursor: ZPollCursor.optional() })
  .optional();

export interface PollsRouterDeps {
  readonly create: CreatePoll;
  readonly open: ChangePollStatus;
  readonly close: ChangePollStatus;
  readonly get: GetPoll;
  readonly list: ListPolls;
}

/**
 * The polls feature's procedures, mounted at `polls`. Everything needs a
 * signed-in user (like the channel). Any signed-in user creates (a draft);
 * the creator or an admin opens and closes; votes go over the realtime
 * channel, not tRPC.
 *
 * @example
 * const { id } = await caller.polls.create({ question: "Lunch?", options: ["soup", "salad"] });
 * await caller.polls.open({ id }); // { id, status: "open" }
 * await caller.polls.get({ id }); // { id, question, status, options: [{ id, label, votes }] }
 * const { polls, nextCursor } = await caller.polls.list({ limit: 20 }); // then list({ cursor: nextCursor }) while not null
 */
export function createPollsRouter(deps: PollsRouterDeps) {
  const changeStatus = (change: ChangePollStatus) =>
    authedProcedure.input(ZPollIdRequest).mutation(async ({ ctx, input }) => {
      const result = await change({ id: input.id, actor: ctx.user });
      if (!result.ok) throw refusalToTrpcError(result);
      return { id: result.id, status: result.status };
    });
  return router({
    create: authedProcedure.input(ZCreatePollRequest).mutation(async ({ ctx, input }) => {
      const result = await deps.create({ ...input, createdBy: ctx.user.userId });
      if (!result.ok) throw refusalToTrpcError(result);
      return { id: result.id };
    }),
    open: changeStatus(deps.open),
    close: changeStatus(deps.close),
    get: authedProcedure.input(ZPollIdRequest).query(async ({ ctx, input }) => {
      const poll = await deps.get({ id: input.id, viewer: ctx.user });
      if (poll === null) throw new TRPCError({ code: "NOT_FOUND", message: `UNKNOWN_POLL: No poll with id "${input.id}"` });
      return poll;
    }),
    list: authedProcedure
      .input(ZListPollsRequest)
      .query(({ ctx, input }) => deps.list({ viewer: ctx.user, limit: input?.limit, ...(input?.cursor === undefined ? {} : { after: input.cursor }) })),
  });
}

export type PollsRouter = ReturnType<typeof createPollsRouter>;
