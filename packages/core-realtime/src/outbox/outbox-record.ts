import { z } from "zod";

/** The PostgreSQL `NOTIFY` channel a commit with outbox records wakes relays on. */
export const OUTBOX_NOTIFY_CHANNEL = "realtime_outbox";

/**
 * First key of the two-key advisory locks the outbox takes (writers per
 * channel while inserting, relays per channel while delivering), so they never
 * collide with another subsystem's advisory locks.
 */
export const OUTBOX_WRITE_LOCK_SPACE = 720_311;
export const OUTBOX_RELAY_LOCK_SPACE = 720_312;

/** One change waiting to reach a channel's subscribers, as a relay reads it. */
export interface OutboxRecord {
  /** Commit order within `channelKey` (a bigint, kept as text). */
  readonly id: string;
  /** The concrete channel name (`polls.p1`): the unit of ordering. */
  readonly channelKey: string;
  /** The channel descriptor's name (its template, `polls.{pollId}`). */
  readonly channel: string;
  readonly params: Readonly<Record<string, string>>;
  readonly payload: unknown;
  /** Travels in the envelope as `id`; clients apply a message id once. */
  readonly messageId: string;
  readonly createdAt: number;
  readonly attempts: number;
}

/** A row as the relay's query returns it (numbers as float8, ids as text, JSON parsed by the driver). */
const ZOutboxRow = z.object({
  id: z.string(),
  channel_key: z.string(),
  channel: z.string(),
  params: z.record(z.string(), z.string()),
  payload: z.unknown(),
  message_id: z.string(),
  created_at: z.coerce.number(),
  attempts: z.coerce.number().int(),
});

export function toOutboxRecord(row: unknown): OutboxRecord {
  const parsed = ZOutboxRow.parse(row);
  return {
    id: parsed.id,
    channelKey: parsed.channel_key,
    channel: parsed.channel,
    params: parsed.params,
    payload: parsed.payload,
    messageId: parsed.message_id,
    createdAt: parsed.created_at,
    attempts: parsed.attempts,
  };
}
