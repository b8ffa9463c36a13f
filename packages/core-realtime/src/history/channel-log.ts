import type { ChannelHistoryOptions } from "../channels/define-realtime-channel";
import type { RealtimeMessage } from "../protocol/wire-protocol";

export type HistoryReadResult =
  | { readonly recovered: true; readonly messages: readonly RealtimeMessage[]; readonly seq: number; readonly epoch: string }
  | {
      readonly recovered: false;
      /** `unavailable`: the shared store did not answer; `seq`/`epoch` are then this instance's fallback position. */
      readonly reason: "epoch-changed" | "too-old" | "future" | "no-history" | "unavailable";
      readonly seq: number;
      readonly epoch: string;
    };

/** How a broadcast is stamped: its message id, and whether falling back to this instance's own log is allowed. */
export interface ChannelLogAppendOptions {
  readonly id?: string;
  /** Reject when the shared store is unreachable instead of stamping from the local fallback. */
  readonly durable?: boolean;
}

/** One message of a batch: its payload and the id clients de-duplicate on. */
export interface ChannelLogEntry {
  readonly payload: unknown;
  readonly id: string;
}

/**
 * Assigns `seq` and keeps history for channels that opt in. In memory by
 * default; Redis Streams when several instances share channels.
 */
export interface IChannelLog {
  /** Stamp a message for `channel`; store it when `history` is given. */
  append(
    channel: string,
    payload: unknown,
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    options?: ChannelLogAppendOptions,
  ): Promise<{ readonly seq: number; readonly epoch: string }>;
  /**
   * Stamp several messages for `channel` at once: consecutive `seq` values from `firstSeq`, stored
   * together (one Redis call), so no other message on the channel is numbered in between.
   */
  appendBatch(
    channel: string,
    entries: readonly ChannelLogEntry[],
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    options?: Pick<ChannelLogAppendOptions, "durable">,
  ): Promise<{ readonly firstSeq: number; readonly epoch: string }>;
  /** The channel's latest `seq` and the current epoch: where a fresh subscriber starts. */
  position(channel: string): Promise<{ readonly seq: number; readonly epoch: string }>;
  /** Everything after `since` (exclusive), when it is all still kept. */
  readSince(channel: string, since: number, epoch: string | undefined): Promise<HistoryReadResult>;
}
