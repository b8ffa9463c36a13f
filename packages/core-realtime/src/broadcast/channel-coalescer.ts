import type { ChannelCoalesceOptions } from "../channels/channel-coalesce";
import type { RealtimeMessage } from "../protocol/wire-protocol";

/** A run of stamped messages of one concrete channel and epoch, ready for one frame. */
export interface CoalescedRun {
  /** The channel's template (for metrics). */
  readonly template: string;
  /** In `seq` order; never empty. */
  readonly messages: readonly [RealtimeMessage, ...RealtimeMessage[]];
}

/** The timer functions the coalescer uses; tests pass fakes or use vitest's fake timers. */
export interface CoalescerTimers {
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

export interface ChannelCoalescerOptions {
  /** Writes one run to the channel's subscribers; called synchronously by `add` (full batch) and `flush*`. */
  readonly write: (run: CoalescedRun) => void;
  /** A `write` that threw: the run is gone from the queue either way, so this is where it is reported. */
  readonly onWriteError: (error: unknown, run: CoalescedRun) => void;
  readonly timers?: CoalescerTimers;
}

interface PendingRun {
  readonly template: string;
  readonly epoch: string;
  readonly messages: RealtimeMessage[];
  readonly handle: unknown;
}

function isNonEmpty<T>(items: T[]): items is [T, ...T[]] {
  return items.length > 0;
}

const realTimers: CoalescerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // Never what keeps a process alive: shutdown flushes explicitly.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Holds the stamped messages of coalescing channels (`coalesce` on the
 * descriptor) for at most `delayMs` after the first of a window, then hands
 * them to `write` as one run in `seq` order: at once when `maxBatch` are
 * queued, when the timer fires, when a message of another epoch arrives
 * (a run never mixes epochs), or when `flush` / `flushAll` is called (a
 * direct message must not overtake queued ones; shutdown). Nothing accepted
 * is dropped: every queued message reaches `write` exactly once.
 *
 * @example
 * const coalescer = new ChannelCoalescer({ write: (run) => emitBatch(run.messages), onWriteError: log });
 * coalescer.add("ticker", { delayMs: 20, maxBatch: 64 }, message);
 */
export class ChannelCoalescer {
  readonly #pending = new Map<string, PendingRun>();
  readonly #write: (run: CoalescedRun) => void;
  readonly #onWriteError: (error: unknown, run: CoalescedRun) => void;
  readonly #timers: CoalescerTimers;

  constructor(options: ChannelCoalescerOptions) {
    this.#write = options.write;
    this.#onWriteError = options.onWriteError;
    this.#timers = options.timers ?? realTimers;
  }

  /** Messages queued and not yet written, over every channel. */
  get size(): number {
    let size = 0;
    for (const run of this.#pending.values()) size += run.messages.length;
    return size;
  }

  /** Queues a stamped message of a coalescing channel; writes its run now when it is full. */
  add(template: string, options: ChannelCoalesceOptions, message: RealtimeMessage): void {
    let run = this.#pending.get(message.channel);
    if (run !== undefined && run.epoch !== message.epoch) {
      this.flush(message.channel);
      run = undefined;
    }
    if (run === undefined) {
      const channel = message.channel;
      run = { template, epoch: message.epoch, messages: [], handle: this.#timers.setTimeout(() => this.flush(channel), options.delayMs) };
      this.#pending.set(channel, run);
    }
    run.messages.push(message);
    if (run.messages.length >= options.maxBatch) this.flush(message.channel);
  }

  /** Writes what is queued for one concrete channel, if anything. */
  flush(channel: string): void {
    const run = this.#pending.get(channel);
    if (run === undefined) return;
    this.#pending.delete(channel);
    this.#timers.clearTimeout(run.handle);
    // Stamps of concurrent broadcasts may resolve out of order; the frame carries them by seq.
    const messages = run.messages.sort((a, b) => a.seq - b.seq);
    if (!isNonEmpty(messages)) return;
    const coalesced: CoalescedRun = { template: run.template, messages };
    try {
      this.#write(coalesced);
    } catch (error) {
      this.#onWriteError(error, coalesced);
    }
  }

  /** Writes everything queued (shutdown, tests). */
  flushAll(): void {
    for (const channel of [...this.#pending.keys()]) this.flush(channel);
  }
}
