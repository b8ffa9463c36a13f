import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { validateBroadcast } from "../broadcast/validate-broadcast";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";

interface HeldBroadcast {
  readonly channel: AnyRealtimeChannel;
  readonly params: Readonly<Record<string, string>>;
  readonly payload: unknown;
  readonly options: BroadcastOptions;
}

/**
 * `IRealtimeBroadcaster` that validates like gate 4 and holds each broadcast
 * until `flush` sends them, in order, through a real broadcaster. A
 * transaction that has no outbox (`createDirectTransactionRunner`, test
 * doubles) broadcasts only after its body succeeded, never from a rolled-back
 * one; unlike the outbox, nothing survives a crash between commit and flush.
 *
 * @example
 * const held = new DeferredRealtimeBroadcaster();
 * await held.broadcast(pollChannel, { pollId }, tally); // validated, not sent
 * await held.flush(server.broadcaster); // sent now
 */
export class DeferredRealtimeBroadcaster implements IRealtimeBroadcaster {
  readonly #held: HeldBroadcast[] = [];

  async broadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelPayload<D>,
    options: BroadcastOptions = {},
  ): Promise<BroadcastReceipt> {
    // Refused now, inside the transaction, as the outbox refuses: the state change rolls back with it.
    const { name, payload: data } = validateBroadcast(channel, params, payload);
    this.#held.push({ channel, params: { ...params }, payload: data, options });
    return { channel: name, seq: 0, epoch: "", emittedAt: Date.now(), delivered: 0, queued: true, ...(options.messageId === undefined ? {} : { messageId: options.messageId }) };
  }

  /** How many broadcasts wait for `flush`. */
  get size(): number {
    return this.#held.length;
  }

  /** Sends every held broadcast through `target`, in the order they were made, and forgets them. */
  async flush(target: IRealtimeBroadcaster): Promise<void> {
    const held = this.#held.splice(0);
    for (const item of held) {
      // Validated against this channel in `broadcast`; the real broadcaster validates again (gate 4 owns that rule).
      await target.broadcast(item.channel, item.params, item.payload, item.options);
    }
  }
}
