import type { RealtimeRequestEvent, RealtimeTransport, RealtimeTransportEvents } from "../client/realtime-transport";
import { packMessageBatch } from "../protocol/wire-protocol";
import type { RealtimeMessage, RealtimeMessageBatch } from "../protocol/wire-protocol";

/** One request the client sent; the test answers it (or not) when it wants to. */
export interface FakeRequest {
  readonly event: RealtimeRequestEvent;
  readonly frame: object;
  answered: boolean;
  reply(ack: unknown): void;
  fail(error: Error): void;
}

/**
 * A `RealtimeTransport` driven by hand: requests wait until the test
 * answers them, and server pushes (`message`, `unsubscribed`, ...) happen
 * when the test fires them. No sockets, no timers of its own.
 *
 * @example
 * const wire = new FakeRealtimeTransport();
 * const client = new RealtimeClient({ transport: wire, positionStore: memoryPositionStore() });
 * client.subscribe(feed, {}, onMessage);
 * wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
 */
export class FakeRealtimeTransport implements RealtimeTransport {
  connected: boolean;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly requests: FakeRequest[] = [];
  readonly #listeners = new Map<keyof RealtimeTransportEvents, ((...args: never[]) => void)[]>();

  constructor(options: { readonly connected?: boolean } = {}) {
    this.connected = options.connected ?? true;
  }

  on<E extends keyof RealtimeTransportEvents>(event: E, listener: RealtimeTransportEvents[E]): void {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
  }

  request(event: RealtimeRequestEvent, frame: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: FakeRequest = {
        event,
        frame,
        answered: false,
        reply: (ack) => {
          request.answered = true;
          resolve(ack);
        },
        fail: (error) => {
          request.answered = true;
          reject(error);
        },
      };
      this.requests.push(request);
    });
  }

  connect(): void {
    this.connectCalls += 1;
  }

  disconnect(): void {
    this.disconnectCalls += 1;
  }

  /** Plays the server: calls every listener of `event`. */
  fire<E extends keyof RealtimeTransportEvents>(event: E, ...args: Parameters<RealtimeTransportEvents[E]>): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as (...a: Parameters<RealtimeTransportEvents[E]>) => void)(...args);
  }

  /** The frames sent with `event`, oldest first. */
  sent(event: RealtimeRequestEvent): object[] {
    return this.requests.filter((request) => request.event === event).map((request) => request.frame);
  }

  /** The oldest unanswered request with `event`; throws when there is none. */
  pending(event: RealtimeRequestEvent): FakeRequest {
    const request = this.requests.find((candidate) => candidate.event === event && !candidate.answered);
    if (request === undefined) throw new Error(`no unanswered ${event} request`);
    return request;
  }

  /** Answers the oldest unanswered request with `event`, then lets the client's awaits run. */
  async answer(event: RealtimeRequestEvent, ack: unknown): Promise<void> {
    this.pending(event).reply(ack);
    await flushMicrotasks();
  }

  /** The connection dropped (`reason` as Socket.IO names it). */
  drop(reason = "transport close"): void {
    this.connected = false;
    this.fire("disconnect", reason);
  }

  /** The connection (re)opened. */
  open(): void {
    this.connected = true;
    this.fire("connect");
  }
}

/** Lets every pending promise continuation run (acks are parsed a few awaits deep). */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** A message as the server sends it. */
export function wireMessage(channel: string, seq: number, payload: unknown, extra: { readonly epoch?: string; readonly id?: string } = {}): RealtimeMessage {
  const base = { channel, payload, seq, epoch: extra.epoch ?? "e1", emittedAt: 0 };
  return extra.id === undefined ? base : { ...base, id: extra.id };
}

/** A coalesced frame as the server sends it, for `wire.fire("messageBatch", ...)`. */
export function wireBatch(first: RealtimeMessage, ...rest: RealtimeMessage[]): RealtimeMessageBatch {
  return packMessageBatch([first, ...rest]);
}
