import type { EventDescriptor, EventPayload } from "./event-descriptor";

/** Delivery details passed to every subscriber beside the payload. */
export interface EventMeta {
  eventName: string;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** Unique per publish; the same for every subscriber of that publish. */
  id: string;
}

export type EventHandler<E extends EventDescriptor> = (payload: EventPayload<E>, meta: EventMeta) => void | Promise<void>;

/** One publish as seen by `subscribeAll` observers (dashboards, audit), whatever the event. */
export interface PublishedEvent {
  name: string;
  payload: unknown;
  publishedAt: number;
  id: string;
}

export interface SubscribeOptions {
  /** Who is subscribing, for logs and metrics; defaults to the handler's function name. */
  name?: string;
}

/**
 * In-process publish/subscribe between features. Publishers and subscribers
 * share only an {@link EventDescriptor}.
 */
export interface IEventBus {
  /**
   * Validates `payload` against the event's schema (throwing
   * `EventValidationError` and delivering nothing when it fails), then delivers
   * it to every subscriber. Resolves once all subscribers have settled; a
   * failing subscriber never rejects it.
   *
   * @example
   * await bus.publish(pollCreated, { pollId, title });
   */
  publish<E extends EventDescriptor>(event: E, payload: EventPayload<E>): Promise<void>;

  /**
   * Runs `handler` for every publish of `event`; returns the unsubscribe function.
   *
   * @example
   * const stop = bus.subscribe(pollCreated, (poll) => searchIndex.add(poll), { name: "search-index" });
   */
  subscribe<E extends EventDescriptor>(event: E, handler: EventHandler<E>, options?: SubscribeOptions): () => void;

  /**
   * Runs `handler` for every publish of any event; for observers such as the
   * admin live dashboard. Returns the unsubscribe function.
   *
   * @example
   * const stop = bus.subscribeAll((event) => feed.push(event), { name: "live-dashboard" });
   */
  subscribeAll(handler: (event: PublishedEvent) => void | Promise<void>, options?: SubscribeOptions): () => void;
}
