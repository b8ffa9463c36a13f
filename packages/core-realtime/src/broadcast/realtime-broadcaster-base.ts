import { noopRealtimeMetrics } from "@repo/core-observability";
import type { RealtimeMetrics } from "@repo/core-observability";
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
}

/**
 * Gate 4, once for every transport: validate the payload once, build the
 * concrete name, stamp `seq`/`epoch`, then hand one immutable message to the
 * transport's `deliver`. Transports only implement `deliver` (the shape of
 * Socket.IO's own ClusterAdapter: the abstract part owns the protocol, the
 * subclass owns the wire).
 */
export abstract class RealtimeBroadcasterBase implements IRealtimeBroadcaster {
  protected readonly metrics: RealtimeMetrics;
  /** Per-instance log for `local` broadcasts, never shared across instances. */
  protected readonly localLog = new InMemoryChannelLog();
  readonly #channelLog: IChannelLog;
  readonly #now: () => number;

  constructor(options: RealtimeBroadcasterOptions = {}) {
    this.metrics = options.metrics ?? noopRealtimeMetrics;
    this.#channelLog = options.channelLog ?? new InMemoryChannelLog();
    this.#now = options.now ?? Date.now;
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
    const { name, payload: data } = validateBroadcast(channel, params, payload);
    const emittedAt = this.#now();
    const id = options.messageId ?? globalThis.crypto.randomUUID();
    const stamp = options.local
      ? this.localLog.appendSync(name, data, emittedAt, undefined, id)
      : await this.#channelLog.append(name, data, emittedAt, channel.history, { id, durable: options.durable === true });
    const message: RealtimeMessage = { channel: name, payload: data, seq: stamp.seq, epoch: stamp.epoch, emittedAt, id };
    const started = performance.now();
    const delivered = this.deliver(message, options);
    this.metrics.messageBroadcast(channel.name, delivered, (performance.now() - started) / 1000);
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
    options: Pick<BroadcastOptions, "durable"> = {},
  ): Promise<BroadcastReceipt[]> {
    const checked = payloads.map((payload) => validateBroadcast(channel, params, payload));
    const name = checked[0]?.name;
    if (name === undefined) return [];
    const emittedAt = this.#now();
    const entries = checked.map(({ payload }) => ({ payload, id: globalThis.crypto.randomUUID() }));
    const { firstSeq, epoch } = await this.#channelLog.appendBatch(name, entries, emittedAt, channel.history, { durable: options.durable === true });
    return entries.map(({ payload, id }, index) => {
      const message: RealtimeMessage = { channel: name, payload, seq: firstSeq + index, epoch, emittedAt, id };
      const started = performance.now();
      const delivered = this.deliver(message, {});
      this.metrics.messageBroadcast(channel.name, delivered, (performance.now() - started) / 1000);
      return { channel: name, seq: message.seq, epoch, emittedAt, delivered, messageId: id };
    });
  }

  /** Write one stamped message to the channel's subscribers; returns how many local sockets got it. */
  protected abstract deliver(message: RealtimeMessage, options: BroadcastOptions): number;
}
