import { noopRealtimeMetrics } from "@repo/core-observability";
import type { Logger, RealtimeMetrics } from "@repo/core-observability";
import { ChannelCoalescer } from "./channel-coalescer";
import type { CoalescedRun } from "./channel-coalescer";
import { BroadcastSourceAllowlist } from "./broadcast-source";
import { validateBroadcast } from "./validate-broadcast";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import { InMemoryChannelLog } from "../history/in-memory-channel-log";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "./realtime-broadcaster";
import type { IChannelLog } from "../history/channel-log";
import type { RealtimeMessage } from "../protocol/wire-protocol";

export interface RealtimeBroadcasterOptions {
  /** Shared sequence/history store; defaults to this process's in-memory log. */
  readonly channelLog?: IChannelLog;
  readonly metrics?: RealtimeMetrics;
  readonly now?: () => number;
  /** Where a coalesced frame that failed to write is reported (it left the queue); default `console.error`. */
  readonly logger?: Pick<Logger, "error">;
  /** The sources allowed to broadcast; a fresh, empty allowlist by default (bind code fills it through `sources`). */
  readonly sources?: BroadcastSourceAllowlist;
}

/**
 * Gate 4, once for every transport: refuse a broadcast whose source is not
 * on the allowlist (`UNAUTHORIZED_SOURCE`), validate the payload once, build the
 * concrete name, stamp `seq`/`epoch`, then hand one immutable message to the
 * transport's `deliver`. Transports only implement `deliver` (the shape of
 * Socket.IO's own ClusterAdapter: the abstract part owns the protocol, the
 * subclass owns the wire).
 */
export abstract class RealtimeBroadcasterBase implements IRealtimeBroadcaster {
  protected readonly metrics: RealtimeMetrics;
  /** Per-instance log for `local` broadcasts, never shared across instances. */
  protected readonly localLog = new InMemoryChannelLog();
  /** The source gate's allowlist: only grants it issued may broadcast here. */
  readonly sources: BroadcastSourceAllowlist;
  /** Who sent each message held in a coalescing window, for the delivery counter's `source` label when the run is written. */
  readonly #sourceOf = new WeakMap<RealtimeMessage, string>();
  readonly #channelLog: IChannelLog;
  readonly #now: () => number;
  /** Queued messages of channels declared with `coalesce`. */
  readonly #coalescer: ChannelCoalescer;
  #coalescing = true;

  constructor(options: RealtimeBroadcasterOptions = {}) {
    this.metrics = options.metrics ?? noopRealtimeMetrics;
    this.#channelLog = options.channelLog ?? new InMemoryChannelLog();
    this.#now = options.now ?? Date.now;
    const logger = options.logger;
    this.#coalescer = new ChannelCoalescer({
      write: (run) => this.#writeRun(run),
      onWriteError: (error, run) => {
        const fields = { err: error, channel: run.messages[0].channel, firstSeq: run.messages[0].seq, count: run.messages.length };
        if (logger === undefined) console.error("realtime_coalesced_write_failed", fields);
        else logger.error(fields, "realtime_coalesced_write_failed");
      },
    });
    this.sources = options.sources ?? new BroadcastSourceAllowlist();
  }

  get channelLog(): IChannelLog {
    return this.#channelLog;
  }

  async broadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelPayload<D>,
    options: BroadcastOptions = {},
  ): Promise<BroadcastReceipt> {
    const source = this.sources.check(options.source);
    const { name, payload: data } = validateBroadcast(channel, params, payload);
    const emittedAt = this.#now();
    const id = options.messageId ?? globalThis.crypto.randomUUID();
    const stamp = options.local
      ? this.localLog.appendSync(name, data, emittedAt, undefined, id)
      : await this.#channelLog.append(name, data, emittedAt, channel.history, { id, durable: options.durable === true });
    const message: RealtimeMessage = { channel: name, payload: data, seq: stamp.seq, epoch: stamp.epoch, emittedAt, id };
    const delivered = this.#send(channel, message, options, source.label);
    return { channel: name, seq: stamp.seq, epoch: stamp.epoch, emittedAt, delivered, messageId: id };
  }

  /**
   * Several messages to one channel as one operation (the server API's batch
   * publish): every payload is validated before any is stamped, the log
   * numbers them with consecutive `seq` values in one call, and they are
   * written to the subscribers in that order, back to back, so nothing is
   * interleaved on this instance. Answers one receipt per message.
   */
  async broadcastBatch<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payloads: readonly ChannelPayload<D>[],
    options: Pick<BroadcastOptions, "durable" | "source"> = {},
  ): Promise<BroadcastReceipt[]> {
    const source = this.sources.check(options.source);
    const checked = payloads.map((payload) => validateBroadcast(channel, params, payload));
    const name = checked[0]?.name;
    if (name === undefined) return [];
    const emittedAt = this.#now();
    const entries = checked.map(({ payload }) => ({ payload, id: globalThis.crypto.randomUUID() }));
    const { firstSeq, epoch } = await this.#channelLog.appendBatch(name, entries, emittedAt, channel.history, { durable: options.durable === true });
    return entries.map(({ payload, id }, index) => {
      const message: RealtimeMessage = { channel: name, payload, seq: firstSeq + index, epoch, emittedAt, id };
      const delivered = this.#send(channel, message, {}, source.label);
      return { channel: name, seq: message.seq, epoch, emittedAt, delivered, messageId: id };
    });
  }

  /**
   * Writes every message still held by a coalescing window now, and every
   * later one at once (one frame each). The server calls it when it shuts
   * down, after its handlers drained and before the sockets close, so no
   * accepted message waits for a timer that would fire too late.
   */
  stopCoalescing(): void {
    this.#coalescing = false;
    this.#coalescer.flushAll();
  }

  /**
   * One stamped message to its subscribers: queued for the channel's window
   * when the channel coalesces (answering the local room's size: the sockets
   * the frame will be written to), written now otherwise. A message that
   * cannot share a frame (`local` has its own epoch, `exceptSocketId` its
   * own audience) first writes what is queued, so it overtakes nothing.
   */
  #send(channel: AnyRealtimeChannel, message: RealtimeMessage, options: BroadcastOptions, source: string): number {
    const coalesce = channel.coalesce;
    if (coalesce !== undefined) {
      if (this.#coalescing && options.local !== true && options.exceptSocketId === undefined) {
        this.#sourceOf.set(message, source);
        this.#coalescer.add(channel.name, coalesce, message);
        return this.localSubscribers(message.channel);
      }
      this.#coalescer.flush(message.channel);
    }
    const started = performance.now();
    const delivered = this.deliver(message, options);
    this.metrics.messageBroadcast(channel.name, delivered, (performance.now() - started) / 1000, source);
    return delivered;
  }

  /** A window closed: one frame for the run (a lone message keeps the ordinary frame), metrics per message. */
  #writeRun(run: CoalescedRun): void {
    const started = performance.now();
    const delivered = run.messages.length === 1 ? this.deliver(run.messages[0], {}) : this.deliverBatch(run.messages);
    const secondsEach = (performance.now() - started) / 1000 / run.messages.length;
    for (const message of run.messages) this.metrics.messageBroadcast(run.template, delivered, secondsEach, this.#sourceOf.get(message));
  }

  /** Write one stamped message to the channel's subscribers; returns how many local sockets got it. */
  protected abstract deliver(message: RealtimeMessage, options: BroadcastOptions): number;

  /**
   * Write a run of stamped messages of one channel and epoch, in `seq` order,
   * to the channel's subscribers; returns how many local sockets got them.
   * Transports with a batch frame override this; the default writes them one by one.
   */
  protected deliverBatch(messages: readonly [RealtimeMessage, ...RealtimeMessage[]]): number {
    let delivered = 0;
    for (const message of messages) delivered = this.deliver(message, {});
    return delivered;
  }

  /** Sockets on this instance subscribed to a concrete channel (what a queued message will be written to). */
  protected abstract localSubscribers(channel: string): number;
}
