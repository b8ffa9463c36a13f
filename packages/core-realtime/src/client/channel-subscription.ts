import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import type { RealtimeErrorBody } from "../protocol/errors";
import type { PresenceUpdate, RealtimeMessage, SubscribeAck, TSubscribeFrame } from "../protocol/wire-protocol";
import type { AppliedMessageIds } from "./applied-message-ids";
import { ChannelSequenceTracker } from "./channel-sequence-tracker";
import { GapTimer } from "./gap-timer";
import type { PositionStore } from "./position-store";
import type { SubscriptionListener } from "./subscribe-options";

/** What a subscription needs from its client: shared stores, and the wire for asking a replay. */
export interface SubscriptionContext {
  readonly positions: PositionStore;
  /** One per client, kept across reconnects: an id is applied once, whatever `seq` it comes back under. */
  readonly applied: AppliedMessageIds;
  readonly gapTimeoutMs: number;
  readonly isConnected: () => boolean;
  /** Sends a subscribe frame carrying the current position, so the server replays what is missing. */
  readonly resubscribe: (subscription: ChannelSubscription) => void;
}

export type AcceptedSubscribeAck = Extract<SubscribeAck, { readonly ok: true }>;

/**
 * One concrete channel the client is subscribed to: its listeners, its
 * ordering buffer (`ChannelSequenceTracker`), the messages held until the
 * first ack says where a fresh subscription starts, its gap deadline and
 * its stored position. The client owns the wire; this object decides what
 * the application sees and when.
 */
export class ChannelSubscription {
  readonly #listeners = new Set<SubscriptionListener>();
  readonly #context: SubscriptionContext;
  readonly #gapTimer: GapTimer;
  #tracker: ChannelSequenceTracker;
  /** The server acknowledged the subscription on the current connection. */
  #active = false;
  /** Messages that arrived before the first ack told this fresh subscription where it starts. */
  #early: RealtimeMessage[] | undefined;

  constructor(
    readonly name: string,
    readonly descriptor: AnyRealtimeChannel,
    context: SubscriptionContext,
  ) {
    this.#context = context;
    this.#gapTimer = new GapTimer(context.gapTimeoutMs);
    this.#tracker = new ChannelSequenceTracker(context.positions.load(name));
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  addListener(listener: SubscriptionListener): void {
    this.#listeners.add(listener);
  }

  removeListener(listener: SubscriptionListener): void {
    this.#listeners.delete(listener);
  }

  /** The frame that (re)subscribes; a fresh subscription holds messages until its ack arrives. */
  subscribeFrame(): TSubscribeFrame {
    const position = this.#tracker.position;
    if (position === undefined) {
      this.#early ??= [];
      return { channel: this.name };
    }
    return { channel: this.name, since: position.seq, epoch: position.epoch };
  }

  /** The server accepted the subscription: settle where it starts, then deliver what was held. */
  accepted(ack: AcceptedSubscribeAck): void {
    if (ack.recovered === false) {
      // Replay impossible: deliver nothing stale, restart from the server's position, let the app reload.
      for (const message of this.#tracker.skipGap()) this.#deliver(message);
      if (ack.seq !== undefined && ack.epoch !== undefined) {
        this.#tracker = new ChannelSequenceTracker({ seq: ack.seq, epoch: ack.epoch });
        this.#context.positions.save(this.name, { seq: ack.seq, epoch: ack.epoch });
      }
    }
    if (ack.recovered !== undefined) {
      for (const listener of this.#listeners) listener.options.onRecovered?.(ack.recovered);
    }
    const early = this.#early ?? [];
    this.#early = undefined;
    if (ack.recovered === undefined && ack.seq !== undefined && ack.epoch !== undefined) {
      this.#tracker.startAt({ seq: ack.seq, epoch: ack.epoch });
    }
    // Held back so the start above orders them; arrival order is not seq order across instances.
    for (const message of [...early].sort((a, b) => a.seq - b.seq)) this.receive(message);
    this.#active = true;
    for (const listener of this.#listeners) listener.options.onSubscribed?.();
    if (ack.recovered === true && this.#tracker.hasGap) this.#closeGap();
  }

  /**
   * No usable ack (timed out, disconnected, malformed): no start position is
   * coming, so the held messages go to the tracker as they are, and so does
   * everything after them. The next connect subscribes again.
   */
  unanswered(): void {
    const early = this.#early ?? [];
    this.#early = undefined;
    for (const message of early) this.receive(message);
  }

  /** The connection dropped: the server forgot this subscription until the next subscribe. */
  deactivate(): void {
    this.#active = false;
  }

  receive(message: RealtimeMessage): void {
    if (this.#early !== undefined) {
      this.#early.push(message);
      return;
    }
    const result = this.#tracker.accept(message);
    if (result.epochChanged) {
      for (const listener of this.#listeners) listener.options.onRecovered?.(false);
    }
    for (const delivered of result.deliver) this.#deliver(delivered);
    if (result.gap) this.#gapTimer.start(() => this.#closeGap());
    else this.#gapTimer.stop();
  }

  notifyError(error: RealtimeErrorBody): void {
    for (const listener of this.#listeners) listener.options.onError?.(error);
  }

  notifyPresence(update: PresenceUpdate): void {
    for (const listener of this.#listeners) listener.options.onPresence?.(update);
  }

  notifySubscribed(listener: SubscriptionListener): void {
    if (this.#active) queueMicrotask(() => listener.options.onSubscribed?.());
  }

  /** Stops the gap deadline; the client no longer routes anything here. */
  close(): void {
    this.#gapTimer.stop();
  }

  /** A hole stayed open: ask for a replay when the channel keeps history, otherwise move past it. */
  #closeGap(): void {
    if (!this.#tracker.hasGap) return;
    if (this.descriptor.history !== undefined && !this.#gapTimer.running && this.#context.isConnected()) {
      this.#gapTimer.start(() => this.#skipGap());
      this.#context.resubscribe(this);
      return;
    }
    this.#skipGap();
  }

  #skipGap(): void {
    for (const message of this.#tracker.skipGap()) this.#deliver(message);
  }

  #deliver(message: RealtimeMessage): void {
    this.#context.positions.save(this.name, { seq: message.seq, epoch: message.epoch });
    // The position moves on either way; only the application is spared the redelivery.
    if (message.id !== undefined && !this.#context.applied.add(message.id)) return;
    for (const listener of this.#listeners) listener.onMessage(message.payload, message);
  }
}
