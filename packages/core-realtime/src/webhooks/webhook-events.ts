/** What a webhook receiver is told (Pusher's model): occupancy of channels and presence membership, once per cluster. */
type RealtimeWebhookEventName = "channel_occupied" | "channel_vacated" | "member_added" | "member_removed";

export interface RealtimeWebhookEvent {
  readonly name: RealtimeWebhookEventName;
  /** The concrete channel, e.g. `polls.p1`. */
  readonly channel: string;
  /** The member, for `member_added` / `member_removed`. */
  readonly userId?: string;
}

/** The JSON body of one webhook request. */
export interface RealtimeWebhookBody {
  /** When the request was (re)sent, in ms since the epoch. */
  readonly timeMs: number;
  readonly events: readonly RealtimeWebhookEvent[];
}

/**
 * Where the realtime server hands its webhook events: `enqueue` must return at
 * once (the socket path never waits on a receiver); `close` flushes what it can.
 */
export interface IRealtimeWebhookSink {
  enqueue(event: RealtimeWebhookEvent): void;
  close(): Promise<void>;
}
