import { randomUUID } from "node:crypto";
import type { IEventBus } from "@repo/core-events";
import { CHANNEL_PARAM_VALUE } from "@repo/core-realtime";
import { z } from "zod";
import type { Poll } from "../domain/poll";
import { pollCreated } from "../events/poll-created.event";
import { refuse } from "../domain/poll-refusal";
import type { PollRefusal } from "../domain/poll-refusal";
import { DraftQuotaExceededError, PollAlreadyExistsError } from "../repositories/poll-repository";
import type { IPollRepository } from "../repositories/poll-repository";

const QUESTION_MAX_LENGTH = 200;
const OPTION_LABEL_MAX_LENGTH = 100;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 10;
/**
 * Most drafts one user may hold at once (issue #18): bounds what one account
 * stores. Past it `polls.create` answers `DRAFT_QUOTA_EXCEEDED` (tRPC
 * `FORBIDDEN`) until the user opens one of their drafts.
 */
export const MAX_DRAFTS_PER_USER = 20;

/** `polls.create` input: a question and 2..10 distinct option labels (trimmed; compared case-insensitively). */
export const ZCreatePollRequest = z.object({
  question: z.string().trim().min(1, "Ask a question").max(QUESTION_MAX_LENGTH),
  options: z
    .array(z.string().trim().min(1, "Options cannot be empty").max(OPTION_LABEL_MAX_LENGTH))
    .min(MIN_OPTIONS, `Give at least ${MIN_OPTIONS} options`)
    .max(MAX_OPTIONS, `Give at most ${MAX_OPTIONS} options`)
    .refine((labels) => new Set(labels.map((label) => label.toLowerCase())).size === labels.length, "Options must differ"),
});
type TCreatePollRequest = z.input<typeof ZCreatePollRequest>;

interface CreatePollInput extends TCreatePollRequest {
  /** The signed-in creator (tRPC passes `ctx.user.userId`, never client input). */
  readonly createdBy: string;
  /** For seed data only: a fixed id makes seeding idempotent. A random UUID otherwise. */
  readonly id?: string;
  /** For seed data only: spreads seed polls over time so the list order is stable. Now otherwise. */
  readonly createdAt?: number;
}

export type CreatePollResult = { readonly ok: true; readonly id: string } | PollRefusal;
export type CreatePoll = (input: CreatePollInput) => Promise<CreatePollResult>;

export interface CreatePollDeps {
  readonly polls: IPollRepository;
  readonly bus: IEventBus;
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Defaults to `MAX_DRAFTS_PER_USER`. */
  readonly maxDraftsPerUser?: number;
}

/**
 * Stores a new poll as a draft (options get ids `o1`, `o2`, ... in the given
 * order) and publishes `poll:created`. Open it with `openPoll` to take votes.
 * A repeated explicit id (a seed replayed on restart) changes and publishes
 * nothing. Invalid input throws a `ZodError` (tRPC validates first: 400).
 * A creator who already holds `maxDraftsPerUser` drafts is refused with
 * `DRAFT_QUOTA_EXCEEDED` and nothing is stored or published.
 *
 * @example
 * const created = await createPoll({ question: "Lunch?", options: ["soup", "salad"], createdBy: "alice" });
 * if (created.ok) await openPoll({ id: created.id, actor });
 */
export function createPollUseCase(deps: CreatePollDeps): CreatePoll {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;
  const maxDrafts = deps.maxDraftsPerUser ?? MAX_DRAFTS_PER_USER;
  return async (input) => {
    const { question, options } = ZCreatePollRequest.parse(input);
    const id = z.string().regex(CHANNEL_PARAM_VALUE, "A poll id must be a valid channel parameter").parse(input.id ?? newId());
    const poll: Poll = {
      id,
      question,
      status: "draft",
      options: options.map((label, i) => ({ id: `o${i + 1}`, label })),
      createdBy: input.createdBy,
      createdAt: input.createdAt ?? now(),
    };
    try {
      await deps.polls.create(poll, { maxDrafts });
    } catch (error) {
      if (error instanceof PollAlreadyExistsError && input.id !== undefined) return { ok: true, id };
      if (error instanceof DraftQuotaExceededError) {
        return refuse("DRAFT_QUOTA_EXCEEDED", `You already have ${maxDrafts} draft polls: open one before creating another`);
      }
      throw error;
    }
    await deps.bus.publish(pollCreated, { pollId: id, question, optionCount: poll.options.length, createdBy: poll.createdBy });
    return { ok: true, id };
  };
}
