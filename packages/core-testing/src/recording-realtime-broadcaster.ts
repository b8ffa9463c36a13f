import { formatChannelName } from "@repo/core-realtime";
import type { AnyRealtimeChannel, ChannelParams, ChannelPayload } from "@repo/core-realtime";
import { validateBroadcast } from "@repo/core-realtime/server";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { describeRecorded, matchesPayload } from "./payload-matcher";
import type { PayloadMatcher } from "./payload-matcher";

export interface RecordedBroadcast {
  /** Concrete channel name, e.g. `notifications.user.bob`. */
  readonly channel: string;
  /** The descriptor's (template) name, e.g. `notifications.user.{userId}`. */
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
  readonly payload: unknown;
  readonly options: BroadcastOptions;
}

/**
 * Drop-in `IRealtimeBroadcaster` for use-case tests: validates like the real
 * one (schema and params), records instead of sending, and asserts in the
 * spirit of Phoenix's `assert_broadcast`.
 *
 * @example
 * const realtime = new RecordingRealtimeBroadcaster();
 * await sendNotification({ userId: "bob", title: "Hi" });
 * realtime.expectBroadcast(notificationsChannel, { userId: "bob" }, { notification: { title: "Hi" } });
 */
export class RecordingRealtimeBroadcaster implements IRealtimeBroadcaster {
  readonly broadcasts: RecordedBroadcast[] = [];
  #seq = 0;

  async broadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelPayload<D>,
    options: BroadcastOptions = {},
  ): Promise<BroadcastReceipt> {
    // The production gate-4 checks, so the double refuses with the same RealtimeError codes.
    const { name, payload: data } = validateBroadcast(channel, params, payload);
    this.broadcasts.push({ channel: name, template: channel.name, params: { ...params }, payload: structuredClone(data), options });
    const messageId = options.messageId ?? globalThis.crypto.randomUUID();
    return { channel: name, seq: ++this.#seq, epoch: "recording", emittedAt: Date.now(), delivered: 0, messageId };
  }

  /** Broadcasts on one concrete channel. */
  broadcastsOn<D extends AnyRealtimeChannel>(channel: D, params: ChannelParams<D["name"]>): RecordedBroadcast[] {
    const name = formatChannelName(channel.template, params);
    return this.broadcasts.filter((b) => b.channel === name);
  }

  /** Returns the first matching broadcast; throws listing every recorded broadcast when there is none. */
  expectBroadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload?: PayloadMatcher,
  ): RecordedBroadcast {
    const name = formatChannelName(channel.template, params);
    const found = this.broadcasts.find((b) => b.channel === name && matchesPayload(b.payload, payload));
    if (found !== undefined) return found;
    throw new Error(
      `Expected a broadcast on "${name}"${payload === undefined ? "" : ` matching ${JSON.stringify(payload)}`}; recorded:\n${this.#describe()}`,
    );
  }

  /** Throws when anything was broadcast (on `channel`/`params`, when given). */
  expectNoBroadcast<D extends AnyRealtimeChannel>(channel?: D, params?: ChannelParams<D["name"]>): void {
    const hits = this.broadcasts.filter(
      (b) =>
        channel === undefined ||
        (params === undefined ? b.template === channel.name : b.channel === formatChannelName(channel.template, params)),
    );
    if (hits.length > 0) {
      const target = channel === undefined ? "any channel" : `"${channel.name}"`;
      throw new Error(`Expected no broadcast on ${target}; recorded:\n${this.#describe()}`);
    }
  }

  clear(): void {
    this.broadcasts.length = 0;
  }

  #describe(): string {
    return describeRecorded(this.broadcasts.map((b) => ({ label: b.channel, payload: b.payload })));
  }
}
