import type { ChannelHistoryOptions } from "../channels/define-realtime-channel";
import type { ChannelLogAppendOptions, ChannelLogEntry, HistoryReadResult, IChannelLog } from "./channel-log";
import type { RealtimeMessage } from "../protocol/wire-protocol";

interface ChannelState {
  seq: number;
  /** Ring buffer of the newest messages, oldest first once unrolled. */
  ring: (RealtimeMessage | undefined)[];
  next: number;
  count: number;
  ttlMs: number;
}

/**
 * Per-channel sequence numbers plus an in-memory ring buffer for channels
 * with history. The epoch is fixed for the life of the process: a restart
 * loses history, and the new epoch tells clients so.
 */
export class InMemoryChannelLog implements IChannelLog {
  readonly epoch: string;
  readonly #channels = new Map<string, ChannelState>();
  readonly #now: () => number;

  constructor(options: { readonly epoch?: string; readonly now?: () => number } = {}) {
    this.epoch = options.epoch ?? globalThis.crypto.randomUUID();
    this.#now = options.now ?? Date.now;
  }

  append(
    channel: string,
    payload: unknown,
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    options: ChannelLogAppendOptions = {},
  ): Promise<{ seq: number; epoch: string }> {
    return Promise.resolve(this.appendSync(channel, payload, emittedAt, history, options.id));
  }

  appendBatch(
    channel: string,
    entries: readonly ChannelLogEntry[],
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
  ): Promise<{ firstSeq: number; epoch: string }> {
    return Promise.resolve(this.appendBatchSync(channel, entries, emittedAt, history));
  }

  /** Synchronous batch stamp: nothing can run between two entries, so their `seq` values are consecutive. */
  appendBatchSync(
    channel: string,
    entries: readonly ChannelLogEntry[],
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
  ): { firstSeq: number; epoch: string } {
    const firstSeq = (this.#channels.get(channel)?.seq ?? 0) + 1;
    for (const entry of entries) this.appendSync(channel, entry.payload, emittedAt, history, entry.id);
    return { firstSeq, epoch: this.epoch };
  }

  /** Synchronous stamp for the in-process hot path. */
  appendSync(
    channel: string,
    payload: unknown,
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    id?: string,
  ): { seq: number; epoch: string } {
    let state = this.#channels.get(channel);
    if (state === undefined) {
      state = { seq: 0, ring: [], next: 0, count: 0, ttlMs: 0 };
      this.#channels.set(channel, state);
    }
    const seq = ++state.seq;
    if (history !== undefined) {
      if (state.ring.length !== history.size) this.#resize(state, history.size);
      state.ttlMs = history.ttlSeconds * 1000;
      state.ring[state.next] = id === undefined ? { channel, payload, seq, epoch: this.epoch, emittedAt } : { channel, payload, seq, epoch: this.epoch, emittedAt, id };
      state.next = (state.next + 1) % history.size;
      state.count = Math.min(state.count + 1, history.size);
    }
    return { seq, epoch: this.epoch };
  }

  position(channel: string): Promise<{ seq: number; epoch: string }> {
    return Promise.resolve({ seq: this.#channels.get(channel)?.seq ?? 0, epoch: this.epoch });
  }

  readSince(channel: string, since: number, epoch: string | undefined): Promise<HistoryReadResult> {
    const state = this.#channels.get(channel);
    const current = state?.seq ?? 0;
    const base = { seq: current, epoch: this.epoch };
    if (epoch !== undefined && epoch !== this.epoch) return Promise.resolve({ recovered: false, reason: "epoch-changed", ...base });
    if (since > current) return Promise.resolve({ recovered: false, reason: "future", ...base });
    if (since === current) return Promise.resolve({ recovered: true, messages: [], ...base });
    if (state === undefined || state.count === 0) return Promise.resolve({ recovered: false, reason: "no-history", ...base });
    const oldestAllowed = this.#now() - state.ttlMs;
    const kept = this.#unroll(state).filter((m) => m.emittedAt >= oldestAllowed);
    const oldestSeq = kept[0]?.seq;
    // Everything after `since` must still be kept, or the replay would have a hole.
    if (oldestSeq === undefined || oldestSeq > since + 1) return Promise.resolve({ recovered: false, reason: "too-old", ...base });
    return Promise.resolve({ recovered: true, messages: kept.filter((m) => m.seq > since), ...base });
  }

  #unroll(state: ChannelState): RealtimeMessage[] {
    const size = state.ring.length;
    const start = (state.next - state.count + size) % size;
    const out: RealtimeMessage[] = [];
    for (let i = 0; i < state.count; i++) {
      const message = state.ring[(start + i) % size];
      if (message !== undefined) out.push(message);
    }
    return out;
  }

  #resize(state: ChannelState, size: number): void {
    const kept = state.ring.length === 0 ? [] : this.#unroll(state).slice(-size);
    state.ring = new Array<RealtimeMessage | undefined>(size);
    kept.forEach((m, i) => (state.ring[i] = m));
    state.count = kept.length;
    state.next = kept.length % size;
  }
}
