import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { validateBroadcast } from "../broadcast/validate-broadcast";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { OUTBOX_NOTIFY_CHANNEL, OUTBOX_WRITE_LOCK_SPACE } from "./outbox-record";

export interface OutboxRealtimeBroadcasterOptions {
  readonly now?: () => number;
  /** The message id each record gets; random UUIDs by default. */
  readonly newMessageId?: () => string;
}

/**
 * `IRealtimeBroadcaster` bound to one database transaction: `broadcast`
 * validates like gate 4 (schema, params), then stores an outbox record in that
 * transaction instead of sending. The record commits or rolls back with the
 * state change beside it; after commit a relay delivers it through the real
 * broadcaster. The receipt says `queued: true`: `seq` is assigned at delivery.
 *
 * Writers to one concrete channel take a transaction-scoped advisory lock on
 * it before the record's id is allocated, so ids on a channel follow commit
 * order (a later id can never commit before an earlier one).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const realtime = new OutboxRealtimeBroadcaster(trx);
 *   await realtime.broadcast(pollChannel, { pollId }, tally);
 * });
 */
export class OutboxRealtimeBroadcaster implements IRealtimeBroadcaster {
  readonly #executor: Kysely<unknown>;
  readonly #now: () => number;
  readonly #newMessageId: () => string;
  readonly #messageIds: string[] = [];
  readonly #channels = new Set<string>();

  constructor(executor: Kysely<unknown>, options: OutboxRealtimeBroadcasterOptions = {}) {
    this.#executor = executor;
    this.#now = options.now ?? Date.now;
    this.#newMessageId = options.newMessageId ?? randomUUID;
  }

  /** Message ids of the records written so far in this transaction. */
  get messageIds(): readonly string[] {
    return this.#messageIds;
  }

  /** Concrete channels written to so far in this transaction, in first-write order. */
  get channels(): readonly string[] {
    return [...this.#channels];
  }

  async broadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelPayload<D>,
    options: BroadcastOptions = {},
  ): Promise<BroadcastReceipt> {
    if (options.local === true || options.exceptSocketId !== undefined) {
      // Both name one instance or one socket, which a relay on another instance cannot honour.
      throw new RealtimeError("INVALID_PARAMS", "`local` and `exceptSocketId` broadcasts cannot go through the outbox");
    }
    const { name, payload: data } = validateBroadcast(channel, params, payload);
    const messageId = options.messageId ?? this.#newMessageId();
    const createdAt = this.#now();
    // NOTIFY is delivered at commit and folded to one per transaction; the lock is held until commit.
    await sql`SELECT pg_advisory_xact_lock(${OUTBOX_WRITE_LOCK_SPACE}::int4, hashtext(${name})), pg_notify(${OUTBOX_NOTIFY_CHANNEL}, '')`.execute(
      this.#executor,
    );
    await sql`
      INSERT INTO realtime_outbox (channel_key, channel, params, payload, message_id, created_at, next_attempt_at)
      VALUES (${name}, ${channel.name}, ${JSON.stringify(params)}::json, ${JSON.stringify(data)}::json, ${messageId}, ${createdAt}, ${createdAt})
    `.execute(this.#executor);
    this.#messageIds.push(messageId);
    this.#channels.add(name);
    return { channel: name, seq: 0, epoch: "", emittedAt: createdAt, delivered: 0, messageId, queued: true };
  }
}
