import type { RealtimeMessage } from "../protocol/wire-protocol";

export interface SequencePosition {
  readonly seq: number;
  readonly epoch: string;
}

export interface AcceptResult {
  /** Messages to hand to the application now, in seq order. */
  readonly deliver: readonly RealtimeMessage[];
  /** True while a hole sits between the last delivered seq and buffered messages. */
  readonly gap: boolean;
  /** True when this message started a new epoch: earlier state is void, reload a snapshot. */
  readonly epochChanged: boolean;
}

/** Largest number of out-of-order messages held while a gap is open. */
const MAX_BUFFERED = 1_000;

/**
 * Client-side ordering for one channel. Messages can arrive twice (around a
 * replay) or out of order (several instances publishing at once); the app
 * must see each `seq` once, strictly increasing. Pure: the caller owns timers.
 */
export class ChannelSequenceTracker {
  #position: SequencePosition | undefined;
  /** The position came from a subscribe ack, not from a delivered message: a different epoch replaces it silently. */
  #tentative = false;
  readonly #buffer = new Map<number, RealtimeMessage>();

  constructor(initial?: SequencePosition) {
    this.#position = initial;
  }

  get position(): SequencePosition | undefined {
    return this.#position;
  }

  get hasGap(): boolean {
    return this.#buffer.size > 0;
  }

  /**
   * Where a fresh subscription starts (the server's position when it
   * acknowledged): later messages are ordered against it, earlier ones
   * dropped. Ignored once messages were delivered.
   */
  startAt(position: SequencePosition): void {
    if (this.#position !== undefined) return;
    this.#position = position;
    this.#tentative = true;
  }

  accept(message: RealtimeMessage): AcceptResult {
    const position = this.#position;
    if (position === undefined || position.epoch !== message.epoch) {
      // Nothing was delivered under a tentative start, so nothing the app holds is void.
      const epochChanged = position !== undefined && !this.#tentative;
      this.#buffer.clear();
      this.#position = { seq: message.seq, epoch: message.epoch };
      this.#tentative = false;
      return { deliver: [message], gap: false, epochChanged };
    }
    if (message.seq <= position.seq || this.#buffer.has(message.seq)) {
      return { deliver: [], gap: this.hasGap, epochChanged: false };
    }
    if (message.seq !== position.seq + 1) {
      this.#buffer.set(message.seq, message);
      if (this.#buffer.size > MAX_BUFFERED) return { deliver: this.skipGap(), gap: false, epochChanged: false };
      return { deliver: [], gap: true, epochChanged: false };
    }
    this.#position = { seq: message.seq, epoch: message.epoch };
    this.#tentative = false;
    return { deliver: [message, ...this.#drainConsecutive()], gap: this.hasGap, epochChanged: false };
  }

  /** Give up on the hole: deliver everything buffered, in order, and move past it. */
  skipGap(): RealtimeMessage[] {
    const ordered = [...this.#buffer.values()].sort((a, b) => a.seq - b.seq);
    this.#buffer.clear();
    const last = ordered.at(-1);
    if (last !== undefined) this.#position = { seq: last.seq, epoch: last.epoch };
    return ordered;
  }

  #drainConsecutive(): RealtimeMessage[] {
    const out: RealtimeMessage[] = [];
    let next = this.#buffer.get((this.#position?.seq ?? 0) + 1);
    while (next !== undefined) {
      this.#buffer.delete(next.seq);
      this.#position = { seq: next.seq, epoch: next.epoch };
      out.push(next);
      next = this.#buffer.get(next.seq + 1);
    }
    return out;
  }
}
