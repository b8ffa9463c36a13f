import { randomUUID } from "node:crypto";
import { childLogger, noopEventMetrics } from "@repo/core-observability";
import type { EventMetrics, Logger } from "@repo/core-observability";
import type { EventHandler, EventMeta, IEventBus, PublishedEvent, SubscribeOptions } from "./event-bus";
import type { EventDescriptor, EventPayload } from "./event-descriptor";
import { EventValidationError } from "./payload-validation-error";

export interface InMemoryEventBusOptions {
  logger: Logger;
  metrics?: EventMetrics;
}

interface Subscription {
  readonly name: string;
  readonly deliver: (payload: unknown, meta: EventMeta) => void | Promise<void>;
}

/** A delivery prepared before any subscriber runs. */
interface Delivery {
  readonly subscriber: string;
  readonly run: () => void | Promise<void>;
}

function subscriberName(handler: { name: string }, options: SubscribeOptions | undefined): string {
  return options?.name ?? (handler.name === "" ? "anonymous" : handler.name);
}

/**
 * The in-process {@link IEventBus}. Each subscriber gets its own structured
 * clone of the parsed payload, so one subscriber mutating it can never change
 * what another sees; each runs even when others throw, and its failure is
 * logged as `{ event, subscriber, err }` and counted, never propagated.
 *
 * @example
 * const bus = new InMemoryEventBus({ logger, metrics: createEventMetrics(registry) });
 * bus.subscribe(pollCreated, (poll) => notify(poll), { name: "notifications" });
 * await bus.publish(pollCreated, { pollId: "p1", title: "Lunch?" });
 */
export class InMemoryEventBus implements IEventBus {
  private readonly log: Logger;
  private readonly metrics: EventMetrics;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private readonly observers = new Set<Subscription>();

  constructor(options: InMemoryEventBusOptions) {
    this.log = childLogger(options.logger, "event-bus");
    this.metrics = options.metrics ?? noopEventMetrics;
  }

  async publish<E extends EventDescriptor>(event: E, payload: EventPayload<E>): Promise<void> {
    const parsed = event.schema.safeParse(payload);
    if (!parsed.success) throw new EventValidationError(event.name, parsed.error.issues);

    const meta: EventMeta = Object.freeze({ eventName: event.name, publishedAt: Date.now(), id: randomUUID() });
    // Subscribers are fixed and every clone is made before the first one runs:
    // (un)subscribing mid-publish cannot change this delivery, and a payload
    // that cannot be cloned fails the publish before anyone has seen it.
    const deliveries: Delivery[] = [];
    for (const subscription of this.subscriptions.get(event.name) ?? []) {
      const copy: unknown = structuredClone(parsed.data);
      deliveries.push({ subscriber: subscription.name, run: () => subscription.deliver(copy, meta) });
    }
    for (const observer of this.observers) {
      const published: PublishedEvent = { name: event.name, payload: structuredClone(parsed.data), publishedAt: meta.publishedAt, id: meta.id };
      deliveries.push({ subscriber: observer.name, run: () => observer.deliver(published, meta) });
    }

    this.metrics.eventPublished(event.name);
    await Promise.all(deliveries.map((delivery) => this.deliver(event.name, delivery)));
  }

  subscribe<E extends EventDescriptor>(event: E, handler: EventHandler<E>, options?: SubscribeOptions): () => void {
    const subscription: Subscription = {
      name: subscriberName(handler, options),
      // The bus only ever hands this handler payloads parsed by `event.schema`.
      deliver: handler as (payload: unknown, meta: EventMeta) => void | Promise<void>,
    };
    let subscribers = this.subscriptions.get(event.name);
    if (subscribers === undefined) {
      subscribers = new Set();
      this.subscriptions.set(event.name, subscribers);
    }
    subscribers.add(subscription);
    return () => {
      subscribers.delete(subscription);
    };
  }

  subscribeAll(handler: (event: PublishedEvent) => void | Promise<void>, options?: SubscribeOptions): () => void {
    const observer: Subscription = {
      name: subscriberName(handler, options),
      deliver: (published) => handler(published as PublishedEvent),
    };
    this.observers.add(observer);
    return () => {
      this.observers.delete(observer);
    };
  }

  private async deliver(eventName: string, delivery: Delivery): Promise<void> {
    try {
      await delivery.run();
    } catch (error) {
      this.metrics.subscriberFailed(eventName);
      this.log.error({ event: eventName, subscriber: delivery.subscriber, err: error }, "subscriber_failed");
    }
  }
}
