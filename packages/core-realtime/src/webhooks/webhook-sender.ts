import type { Logger } from "@repo/core-observability";
import { retryDelayMs } from "../outbox/outbox-backoff";
import type { OutboxBackoff } from "../outbox/outbox-backoff";
import type { IRealtimeWebhookSink, RealtimeWebhookBody, RealtimeWebhookEvent } from "./webhook-events";
import { WEBHOOK_SIGNATURE_HEADER, signWebhook } from "./webhook-signature";

/** Sends one request; answers the HTTP status (a network failure rejects). */
export type WebhookPost = (url: string, body: string, headers: Readonly<Record<string, string>>) => Promise<number>;

export interface WebhookSenderOptions {
  readonly url: string;
  /** HMAC key of `X-Realtime-Signature`. */
  readonly secret: string;
  readonly logger: Logger;
  /** Default: `fetch` with a 10 s timeout. */
  readonly post?: WebhookPost;
  /** How long events gather before one request carries them all. Default 50 ms. */
  readonly batchDelayMs?: number;
  /** Most events in one request. Default 100. */
  readonly maxBatch?: number;
  /** Attempts per request before it is given up. Default 6. */
  readonly maxAttempts?: number;
  /** Between attempts (exponential, capped). Default 500 ms doubling to 30 s. */
  readonly backoff?: OutboxBackoff;
  /** Events waiting at most; past it the oldest are dropped (a receiver that is down must not grow memory without bound). Default 10,000. */
  readonly maxQueued?: number;
  readonly now?: () => number;
  /** Told each given-up request's event count (metrics, tests). */
  readonly onGiveUp?: (events: number) => void;
}

const DEFAULT_BACKOFF: OutboxBackoff = { initialMs: 500, maxMs: 30_000 };
const POST_TIMEOUT_MS = 10_000;

const fetchPost: WebhookPost = async (url, body, headers) => {
  const response = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(POST_TIMEOUT_MS) });
  await response.body?.cancel();
  return response.status;
};

/**
 * Delivers webhook events to one URL: `enqueue` only queues (the socket path
 * never waits), events gather for `batchDelayMs` into one signed JSON request
 * `{ timeMs, events }`, one request is in flight at a time so the receiver
 * sees events in order, and a failed request (network error or non-2xx) is
 * retried with exponential backoff up to `maxAttempts`, then given up with an
 * error log. Each retry is signed anew, so its timestamp is fresh.
 *
 * @example
 * const sender = new WebhookSender({ url, secret, logger });
 * sender.enqueue({ name: "channel_occupied", channel: "polls.p1" });
 */
export class WebhookSender implements IRealtimeWebhookSink {
  readonly #options: WebhookSenderOptions;
  readonly #post: WebhookPost;
  readonly #now: () => number;
  #queue: RealtimeWebhookEvent[] = [];
  #timer: NodeJS.Timeout | null = null;
  #sending: Promise<void> | null = null;
  #closed = false;
  #dropped = 0;

  constructor(options: WebhookSenderOptions) {
    this.#options = options;
    this.#post = options.post ?? fetchPost;
    this.#now = options.now ?? Date.now;
  }

  enqueue(event: RealtimeWebhookEvent): void {
    if (this.#closed) return;
    this.#queue.push(event);
    const overflow = this.#queue.length - (this.#options.maxQueued ?? 10_000);
    if (overflow > 0) {
      this.#queue.splice(0, overflow);
      if (this.#dropped === 0) this.#options.logger.warn({ url: this.#options.url }, "realtime_webhook_queue_full");
      this.#dropped += overflow;
    }
    this.#schedule(this.#options.batchDelayMs ?? 50);
  }

  /** Stops taking events and sends what is queued (one attempt each, no backoff). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#sending;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#options.maxBatch ?? 100);
      if (!(await this.#attempt(batch))) this.#giveUp(batch, 1);
    }
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== null || this.#sending !== null || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#sending = this.#sendNext().finally(() => {
        this.#sending = null;
        if (this.#queue.length > 0) this.#schedule(0);
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #sendNext(): Promise<void> {
    const batch = this.#queue.splice(0, this.#options.maxBatch ?? 100);
    const maxAttempts = this.#options.maxAttempts ?? 6;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (await this.#attempt(batch)) return;
      if (attempt === maxAttempts || this.#closed) break;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, this.#options.backoff ?? DEFAULT_BACKOFF)).unref());
    }
    this.#giveUp(batch, maxAttempts);
  }

  async #attempt(events: readonly RealtimeWebhookEvent[]): Promise<boolean> {
    const now = this.#now();
    const body = JSON.stringify({ timeMs: now, events } satisfies RealtimeWebhookBody);
    const headers = {
      "content-type": "application/json",
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(this.#options.secret, body, Math.floor(now / 1000)),
    };
    try {
      const status = await this.#post(this.#options.url, body, headers);
      if (status >= 200 && status < 300) return true;
      this.#options.logger.warn({ url: this.#options.url, status, events: events.length }, "realtime_webhook_refused");
    } catch (error) {
      this.#options.logger.warn({ url: this.#options.url, err: error, events: events.length }, "realtime_webhook_failed");
    }
    return false;
  }

  #giveUp(events: readonly RealtimeWebhookEvent[], attempts: number): void {
    this.#options.logger.error({ url: this.#options.url, events: events.length, attempts, droppedFromQueue: this.#dropped }, "realtime_webhook_given_up");
    this.#options.onGiveUp?.(events.length);
  }
}
