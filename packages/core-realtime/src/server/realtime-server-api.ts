import type { BroadcastSourceAllowlist, BroadcastSourceGrant } from "../broadcast/broadcast-source";
import type { RealtimeBroadcasterBase } from "../broadcast/realtime-broadcaster-base";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import type { IRealtimeHandlerRegistry } from "../handlers/realtime-handler-registry";
import type { IChannelLog } from "../history/channel-log";
import type { PresenceTracker } from "../presence/presence-tracker";
import { RealtimeError, toRealtimeErrorBody } from "../protocol/errors";
import type { Ack, PresenceMember, PublishAck, RealtimeMessage } from "../protocol/wire-protocol";
import type { IIdempotencyStore } from "./idempotency-store";
import { errorAck, errorAckFrom } from "./realtime-ack";

/** How long a server-API idempotency key is remembered (the socket path's window). */
const API_IDEMPOTENCY_TTL_MS = 5 * 60_000;

export type ServerApiPublishAck = Ack<{ readonly seq: number; readonly epoch: string; readonly duplicate?: boolean }>;
export type ServerApiHistoryAck = Ack<{
  readonly recovered: boolean;
  readonly seq: number;
  readonly epoch: string;
  readonly messages: readonly RealtimeMessage[];
}>;
export type ServerApiPresenceAck = Ack<{ readonly channel: string; readonly members: readonly PresenceMember[] }>;
export type ServerApiChannelsAck = Ack<{ readonly channels: readonly ChannelOccupancy[] }>;

interface ChannelOccupancy {
  readonly channel: string;
  readonly subscribers: number;
}

export interface ServerApiPublishRequest {
  readonly channel: string;
  /** One or more payloads, delivered in this order. */
  readonly payloads: readonly unknown[];
  readonly idempotencyKey?: string;
  /** Who is calling (an API key id): owner of the idempotency keys, kept in logs. */
  readonly callerId: string;
}

export interface RealtimeServerApiDeps {
  readonly registry: IRealtimeHandlerRegistry;
  /** Gate 4 with batches: one log call stamps a batch with consecutive `seq`. */
  readonly broadcaster: Pick<RealtimeBroadcasterBase, "broadcastBatch">;
  /** The broadcaster's source allowlist: each allowed caller publishes as `server-api:<callerId>`. */
  readonly sources: BroadcastSourceAllowlist;
  readonly channelLog: IChannelLog;
  readonly presence: PresenceTracker;
  /** The socket path's store: shared in Redis when configured, so a retry on another instance runs once. */
  readonly idempotency: IIdempotencyStore<PublishAck>;
  readonly maxIdempotencyKeysPerCaller: number;
  /** Subscribers per concrete channel on every instance (the transport knows how to ask its peers). */
  readonly countSubscribers: () => Promise<ReadonlyMap<string, number>>;
}

/**
 * What other backends may do to the realtime layer (ADR-018, "Server API"):
 * publish through gate 4, read history and presence, list occupied channels.
 * Transport-neutral; the app mounts it on HTTP behind API keys. Every answer
 * is an ack with the wire's stable error codes.
 *
 * @example
 * const ack = await api.publish({ channel: "articles.feed", payloads: [article], callerId: "key-1a2b" });
 */
export class RealtimeServerApi {
  readonly #deps: RealtimeServerApiDeps;
  readonly #callers = new Map<string, BroadcastSourceGrant>();

  constructor(deps: RealtimeServerApiDeps) {
    this.#deps = deps;
  }

  /**
   * The callers that may publish (the app passes its API key ids at start):
   * each becomes the broadcast source `server-api:<callerId>`. A publish by
   * any other caller id is refused with `UNAUTHORIZED_SOURCE`.
   *
   * @example
   * realtimeServer.serverApi.allowCallers(keyRing.keyIds());
   */
  allowCallers(callerIds: readonly string[]): void {
    for (const callerId of callerIds) this.#callers.set(callerId, this.#deps.sources.allow({ kind: "server-api", name: callerId }));
  }

  async publish(request: ServerApiPublishRequest): Promise<ServerApiPublishAck> {
    const source = this.#callers.get(request.callerId);
    if (source === undefined) return errorAck("UNAUTHORIZED_SOURCE", "This caller may not publish");
    const resolved = this.#resolve(request.channel);
    if (!resolved.ok) return resolved;
    if (request.payloads.length === 0) return errorAck("INVALID_PAYLOAD", "Send at least one payload");
    const run = (): Promise<PublishAck> => this.#broadcastAll(resolved.descriptor, resolved.params, request.payloads, source);
    const key = request.idempotencyKey;
    const outcome =
      key === undefined
        ? { value: await run(), duplicate: false }
        : await this.#deps.idempotency.run(`api:${request.callerId}`, JSON.stringify([request.channel, key]), run, {
            ttlMs: API_IDEMPOTENCY_TTL_MS,
            maxKeysPerOwner: this.#deps.maxIdempotencyKeysPerCaller,
            // A refusal is final too (the same request would be refused again); only INTERNAL may be retried.
            keep: (ack) => ack.ok || ack.error.code !== "INTERNAL",
          });
    return toPublishAck(outcome.value, outcome.duplicate);
  }

  async history(channel: string, since: number, epoch: string | undefined): Promise<ServerApiHistoryAck> {
    const resolved = this.#resolve(channel);
    if (!resolved.ok) return resolved;
    const read = await this.#deps.channelLog.readSince(channel, since, epoch);
    return read.recovered
      ? { ok: true, recovered: true, seq: read.seq, epoch: read.epoch, messages: read.messages }
      : { ok: true, recovered: false, seq: read.seq, epoch: read.epoch, messages: [] };
  }

  async presence(channel: string): Promise<ServerApiPresenceAck> {
    const resolved = this.#resolve(channel);
    if (!resolved.ok) return resolved;
    if (!resolved.descriptor.presence) return errorAck("NO_PRESENCE", `Channel "${resolved.descriptor.name}" does not track presence`);
    return { ok: true, channel, members: await this.#deps.presence.members(channel) };
  }

  async channels(): Promise<ServerApiChannelsAck> {
    const counts = await this.#deps.countSubscribers();
    const channels = [...counts]
      .filter(([, subscribers]) => subscribers > 0)
      .map(([channel, subscribers]) => ({ channel, subscribers }))
      .sort((a, b) => a.channel.localeCompare(b.channel));
    return { ok: true, channels };
  }

  #resolve(channel: string) {
    const resolution = this.#deps.registry.resolve(channel);
    if (resolution.kind === "unknown") return errorAck("UNKNOWN_CHANNEL", `No channel named "${channel}"`);
    if (resolution.kind === "invalid-params") return errorAck("INVALID_PARAMS", `"${channel}" does not fit ${resolution.descriptor.name}`);
    return { ok: true as const, descriptor: resolution.descriptor, params: resolution.params };
  }

  async #broadcastAll(
    descriptor: AnyRealtimeChannel,
    params: Readonly<Record<string, string>>,
    payloads: readonly unknown[],
    source: BroadcastSourceGrant,
  ): Promise<PublishAck> {
    try {
      // Gate 4 parses every payload before any is stamped or sent.
      const receipts = await this.#deps.broadcaster.broadcastBatch(descriptor, params, payloads, { source });
      const last = receipts[receipts.length - 1];
      if (last === undefined) return errorAck("INVALID_PAYLOAD", "Send at least one payload");
      return { ok: true, result: { seq: last.seq, epoch: last.epoch } };
    } catch (error) {
      if (error instanceof RealtimeError) return errorAckFrom(toRealtimeErrorBody(error));
      throw error;
    }
  }
}

function toPublishAck(ack: PublishAck, duplicate: boolean): ServerApiPublishAck {
  if (!ack.ok) return ack;
  const result = ack.result as { readonly seq: number; readonly epoch: string };
  return duplicate ? { ok: true, seq: result.seq, epoch: result.epoch, duplicate: true } : { ok: true, seq: result.seq, epoch: result.epoch };
}
