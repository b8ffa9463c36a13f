import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import { ZSubscribeAck } from "../protocol/wire-acks";
import { REALTIME_EVENTS, unpackMessageBatch } from "../protocol/wire-protocol";
import type { ForcedUnsubscribe, PresenceUpdate, RealtimeMessage, RealtimeMessageBatch } from "../protocol/wire-protocol";
import type { AppliedMessageIds } from "./applied-message-ids";
import { ChannelSubscription } from "./channel-subscription";
import type { SubscriptionContext } from "./channel-subscription";
import type { PositionStore } from "./position-store";
import { requestAck } from "./realtime-requests";
import type { RealtimeTransport } from "./realtime-transport";
import type { SubscriptionListener } from "./subscribe-options";

export interface ChannelSubscriptionsConfig {
  readonly transport: RealtimeTransport;
  readonly positions: PositionStore;
  readonly applied: AppliedMessageIds;
  readonly requestTimeoutMs: number;
  readonly gapTimeoutMs: number;
}

/**
 * The client's subscriptions by concrete channel name, and the subscribe /
 * unsubscribe traffic for them: one `ChannelSubscription` per channel however
 * many listeners share it, a subscribe frame on every (re)connect, and the
 * routing of what the server pushes to the subscription it belongs to.
 */
export class ChannelSubscriptions {
  readonly #byName = new Map<string, ChannelSubscription>();
  readonly #transport: RealtimeTransport;
  readonly #requestTimeoutMs: number;
  readonly #context: SubscriptionContext;

  constructor(config: ChannelSubscriptionsConfig) {
    this.#transport = config.transport;
    this.#requestTimeoutMs = config.requestTimeoutMs;
    this.#context = {
      positions: config.positions,
      applied: config.applied,
      gapTimeoutMs: config.gapTimeoutMs,
      isConnected: () => this.#transport.connected,
      resubscribe: (subscription) => void this.#sendSubscribe(subscription),
    };
  }

  /** Adds `listener` to the channel's subscription (subscribing when it is the first); returns its removal. */
  add(name: string, descriptor: AnyRealtimeChannel, listener: SubscriptionListener): () => void {
    const existing = this.#byName.get(name);
    const subscription = existing ?? new ChannelSubscription(name, descriptor, this.#context);
    subscription.addListener(listener);
    if (existing === undefined) {
      this.#byName.set(name, subscription);
      if (this.#transport.connected) void this.#sendSubscribe(subscription);
    } else {
      subscription.notifySubscribed(listener);
    }
    return () => this.#remove(subscription, listener);
  }

  /** A new connection: the server knows none of them, so every channel subscribes again. */
  resubscribeAll(): void {
    for (const subscription of this.#byName.values()) void this.#sendSubscribe(subscription);
  }

  deactivateAll(): void {
    for (const subscription of this.#byName.values()) subscription.deactivate();
  }

  closeAll(): void {
    for (const subscription of this.#byName.values()) subscription.close();
    this.#byName.clear();
  }

  receive(message: RealtimeMessage): void {
    this.#byName.get(message.channel)?.receive(message);
  }

  /** A coalesced frame: each message goes through the same ordering, dedupe and gap handling as if it had come alone. */
  receiveBatch(batch: RealtimeMessageBatch): void {
    const subscription = this.#byName.get(batch.channel);
    if (subscription === undefined) return;
    for (const message of unpackMessageBatch(batch)) subscription.receive(message);
  }

  presenceUpdate(update: PresenceUpdate): void {
    this.#byName.get(update.channel)?.notifyPresence(update);
  }

  /** The server took a subscription away (roles changed, session ended): drop it and tell its listeners. */
  unsubscribed(notice: ForcedUnsubscribe): void {
    const subscription = this.#byName.get(notice.channel);
    if (subscription === undefined) return;
    this.#drop(subscription);
    subscription.notifyError(notice.error);
  }

  async #sendSubscribe(subscription: ChannelSubscription): Promise<void> {
    const frame = subscription.subscribeFrame();
    let ack;
    try {
      ack = await requestAck(this.#transport, REALTIME_EVENTS.subscribe, frame, this.#requestTimeoutMs, ZSubscribeAck);
    } catch (error) {
      if (!this.#isCurrent(subscription)) return;
      // Timed out, disconnected or malformed: the next "connect" resubscribes every channel.
      console.debug(`realtime: subscribe to ${subscription.name} not acknowledged`, error);
      subscription.unanswered();
      return;
    }
    if (!this.#isCurrent(subscription)) return;
    if (ack.ok) {
      subscription.accepted(ack);
      return;
    }
    this.#drop(subscription);
    subscription.notifyError(ack.error);
  }

  #remove(subscription: ChannelSubscription, listener: SubscriptionListener): void {
    subscription.removeListener(listener);
    if (subscription.hasListeners || !this.#isCurrent(subscription)) return;
    this.#drop(subscription);
    if (!this.#transport.connected) return;
    this.#transport.request(REALTIME_EVENTS.unsubscribe, { channel: subscription.name }, this.#requestTimeoutMs).catch((error: unknown) => {
      // The server drops subscriptions of closed connections anyway; nothing to repair here.
      console.debug(`realtime: unsubscribe from ${subscription.name} not acknowledged`, error);
    });
  }

  /** False once the subscription was dropped (and maybe replaced): late acks for it change nothing. */
  #isCurrent(subscription: ChannelSubscription): boolean {
    return this.#byName.get(subscription.name) === subscription;
  }

  #drop(subscription: ChannelSubscription): void {
    subscription.close();
    this.#byName.delete(subscription.name);
  }
}
