import { InMemoryEventBus } from "@repo/core-events";
import type { EventDescriptor, EventHandler, EventPayload, IEventBus, PublishedEvent, SubscribeOptions } from "@repo/core-events";
import type { Logger } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { describeRecorded, matchesPayload } from "./payload-matcher";
import type { PayloadMatcher } from "./payload-matcher";

export interface RecordedEvent {
  readonly name: string;
  readonly payload: unknown;
}

/**
 * `IEventBus` for use-case tests: a real in-memory bus (validation,
 * isolation, subscribers still run) that also records every publish.
 *
 * @example
 * const bus = new RecordingEventBus();
 * await createPoll({ question: "Lunch?", options: ["soup", "salad"] });
 * bus.expectPublished(pollCreated, { question: "Lunch?" });
 */
export class RecordingEventBus implements IEventBus {
  readonly published: RecordedEvent[] = [];
  readonly #bus: InMemoryEventBus;

  constructor(options: { readonly logger?: Logger } = {}) {
    this.#bus = new InMemoryEventBus({ logger: options.logger ?? createLogCapture().logger });
  }

  async publish<E extends EventDescriptor>(event: E, payload: EventPayload<E>): Promise<void> {
    await this.#bus.publish(event, payload);
    // Recorded after validation, so an invalid payload (which throws) is never recorded.
    this.published.push({ name: event.name, payload: structuredClone(payload) });
  }

  subscribe<E extends EventDescriptor>(event: E, handler: EventHandler<E>, options?: SubscribeOptions): () => void {
    return this.#bus.subscribe(event, handler, options);
  }

  subscribeAll(handler: (event: PublishedEvent) => void | Promise<void>, options?: SubscribeOptions): () => void {
    return this.#bus.subscribeAll(handler, options);
  }

  /** Returns the first matching publish; throws listing every recorded publish when there is none. */
  expectPublished(event: EventDescriptor, payload?: PayloadMatcher): RecordedEvent {
    const found = this.published.find((e) => e.name === event.name && matchesPayload(e.payload, payload));
    if (found !== undefined) return found;
    throw new Error(
      `Expected "${event.name}" to be published${payload === undefined ? "" : ` matching ${JSON.stringify(payload)}`}; recorded:\n${this.#describe()}`,
    );
  }

  expectNotPublished(event: EventDescriptor): void {
    if (this.published.some((e) => e.name === event.name)) {
      throw new Error(`Expected "${event.name}" not to be published; recorded:\n${this.#describe()}`);
    }
  }

  clear(): void {
    this.published.length = 0;
  }

  #describe(): string {
    return describeRecorded(this.published.map((e) => ({ label: e.name, payload: e.payload })));
  }
}
