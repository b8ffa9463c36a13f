import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelInbound, ChannelPayload } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { ZPresenceAck, ZPublishAck } from "../protocol/wire-acks";
import { REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION } from "../protocol/wire-protocol";
import type { PresenceMember, RealtimeMessage } from "../protocol/wire-protocol";
import { AppliedMessageIds } from "./applied-message-ids";
import { ChannelSubscriptions } from "./channel-subscriptions";
import { ConnectionDiagnostics } from "./connection-diagnostics";
import type { RealtimeConnectionDiagnostics } from "./connection-diagnostics";
import { ConnectionStatus } from "./connection-status";
import type { RealtimeConnectionStatus } from "./connection-status";
import { defaultPositionStore } from "./position-store";
import type { PositionStore } from "./position-store";
import { ReconnectBackoff } from "./reconnect-backoff";
import { channelNameOf, refusalError, requestAck } from "./realtime-requests";
import type { RealtimeTransport } from "./realtime-transport";
import type { SubscribeOptions, SubscriptionListener } from "./subscribe-options";

export type { RealtimeConnectionStatus } from "./connection-status";
export type { RealtimeConnectionDiagnostics } from "./connection-diagnostics";
export type { SubscribeOptions } from "./subscribe-options";

export interface RealtimeClientConfig {
  readonly transport: RealtimeTransport;
  readonly positionStore?: PositionStore;
  readonly requestTimeoutMs?: number;
  /** How long a hole in `seq` may stay open before the client asks for a replay or moves on. */
  readonly gapTimeoutMs?: number;
  /** Delay before retrying after a refused handshake; doubles up to 30 s. */
  readonly retryDelayMs?: number;
  /** How many applied message ids are remembered to drop redeliveries (ADR-021); default 5000. */
  readonly appliedMessageIds?: number;
  /** The protocol version the transport sends as `auth.version`, shown in `diagnostics`; default `REALTIME_PROTOCOL_VERSION`. */
  readonly protocolVersion?: string;
}

/** The server's version from a `VERSION_MISMATCH` refusal's extra `serverVersion` field, when it sent one. */
function serverVersionOf(error: object): string | null {
  return "serverVersion" in error && typeof error.serverVersion === "string" ? error.serverVersion : null;
}

/**
 * The browser/Node realtime client: typed subscribe and publish,
 * resubscription after every reconnect (the server's gates run again),
 * in-order delivery by `seq` with replay of what was missed, and a
 * connection status the UI can show. This class owns the connection (status,
 * retries) and the requests; `ChannelSubscriptions` owns the channels.
 */
export class RealtimeClient {
  #closed = false;
  readonly #status = new ConnectionStatus();
  readonly #diagnostics: ConnectionDiagnostics;
  readonly #transport: RealtimeTransport;
  readonly #requestTimeoutMs: number;
  readonly #backoff: ReconnectBackoff;
  readonly #subscriptions: ChannelSubscriptions;

  constructor(config: RealtimeClientConfig) {
    this.#transport = config.transport;
    this.#diagnostics = new ConnectionDiagnostics(this.#status.current, config.protocolVersion ?? REALTIME_PROTOCOL_VERSION);
    this.#status.listen((status) => this.#diagnostics.statusChanged(status));
    this.#requestTimeoutMs = config.requestTimeoutMs ?? 10_000;
    this.#backoff = new ReconnectBackoff(config.retryDelayMs ?? 1_000);
    this.#subscriptions = new ChannelSubscriptions({
      transport: this.#transport,
      positions: config.positionStore ?? defaultPositionStore(),
      // One per client, kept across reconnects and recoveries (ADR-021).
      applied: new AppliedMessageIds(config.appliedMessageIds),
      requestTimeoutMs: this.#requestTimeoutMs,
      gapTimeoutMs: config.gapTimeoutMs ?? 1_000,
    });
    this.#wire();
  }

  get status(): RealtimeConnectionStatus {
    return this.#status.current;
  }

  /** Calls `listener` on every status change; returns an unsubscribe function. */
  onStatus(listener: (status: RealtimeConnectionStatus) => void): () => void {
    return this.#status.listen(listener);
  }

  /**
   * The connection as a status overlay shows it: status, failed attempts since
   * the last connect, connects so far, this client's protocol version and, after
   * a `VERSION_MISMATCH`, the server's. The same object until something changes.
   *
   * @example
   * const { status, reconnectAttempts } = client.diagnostics;
   */
  get diagnostics(): RealtimeConnectionDiagnostics {
    return this.#diagnostics.snapshot;
  }

  /** Calls `listener` whenever `diagnostics` changes; returns an unsubscribe function. */
  onDiagnostics(listener: (diagnostics: RealtimeConnectionDiagnostics) => void): () => void {
    return this.#diagnostics.listen(listener);
  }

  /**
   * Subscribe to a concrete channel. Returns the function that unsubscribes.
   * Invalid `params` are reported through `options.onError` (`INVALID_PARAMS`).
   *
   * @example
   * const stop = client.subscribe(pollChannel, { pollId }, (tally) => render(tally));
   */
  subscribe<D extends AnyRealtimeChannel>(
    descriptor: D,
    params: ChannelParams<D["name"]>,
    onMessage: (payload: ChannelPayload<D>, message: RealtimeMessage<ChannelPayload<D>>) => void,
    options: SubscribeOptions = {},
  ): () => void {
    let name: string;
    try {
      name = channelNameOf(descriptor, params);
    } catch (error) {
      if (!(error instanceof RealtimeError)) throw error;
      options.onError?.(error.toBody());
      return () => undefined;
    }
    return this.#subscriptions.add(name, descriptor, { onMessage: onMessage as SubscriptionListener["onMessage"], options });
  }

  /**
   * Publish to a channel that accepts client messages. Resolves with the
   * handler's result; rejects with a `RealtimeError` carrying the server's code
   * (`INVALID_PARAMS` for bad `params`, `INVALID_FRAME` for a malformed ack),
   * or with the transport's error when no ack arrives in time.
   * Pass the same `id` when retrying so the server applies it once.
   *
   * @example
   * await client.publish(voteChannel, { pollId }, { optionId }, { id: crypto.randomUUID() });
   */
  async publish<D extends AnyRealtimeChannel>(
    descriptor: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelInbound<D>,
    options: { readonly id?: string } = {},
  ): Promise<unknown> {
    const channel = channelNameOf(descriptor, params);
    const frame = options.id === undefined ? { channel, payload } : { channel, payload, id: options.id };
    const ack = await requestAck(this.#transport, REALTIME_EVENTS.publish, frame, this.#requestTimeoutMs, ZPublishAck);
    if (!ack.ok) throw refusalError(ack.error);
    return ack.result;
  }

  /**
   * Who is on a presence channel right now, across every server instance.
   * The channel must be subscribed first; rejects with a `RealtimeError`
   * (`NOT_SUBSCRIBED`, `NO_PRESENCE`, `INVALID_PARAMS`, ...) otherwise.
   *
   * @example
   * const members = await client.presence(roomChannel, { roomId });
   */
  async presence<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]>): Promise<readonly PresenceMember[]> {
    const channel = channelNameOf(descriptor, params);
    const ack = await requestAck(this.#transport, REALTIME_EVENTS.presence, { channel }, this.#requestTimeoutMs, ZPresenceAck);
    if (!ack.ok) throw refusalError(ack.error);
    return ack.members;
  }

  /** Connect now (when created with `autoConnect: false`). */
  connect(): void {
    if (this.#closed) return;
    this.#transport.connect();
  }

  close(): void {
    this.#closed = true;
    this.#backoff.cancel();
    this.#subscriptions.closeAll();
    this.#transport.disconnect();
    this.#status.set("disconnected");
  }

  #wire(): void {
    const transport = this.#transport;
    transport.on("connect", () => {
      this.#backoff.reset();
      this.#diagnostics.connected();
      this.#status.set("connected");
      this.#subscriptions.resubscribeAll();
    });
    transport.on("disconnect", (reason) => {
      if (this.#closed) return;
      this.#subscriptions.deactivateAll();
      this.#status.set("reconnecting");
      // Socket.IO does not come back by itself after a server-side disconnect (logout, restart, drain).
      if (reason === "io server disconnect") this.#retryLater();
    });
    transport.on("connectError", (error) => {
      if (this.#closed) return;
      this.#diagnostics.attemptFailed();
      if (error.code === "VERSION_MISMATCH") {
        this.#diagnostics.versionRefused(serverVersionOf(error));
        this.#status.set("version-mismatch");
        transport.disconnect();
        return;
      }
      this.#status.set("reconnecting");
      // Transport failures are retried by the transport; refusals need a fresh attempt (and fresh credentials).
      if (error.code !== "TRANSPORT") this.#retryLater();
    });
    transport.on("status", (status) => {
      if (this.#closed || !transport.connected) return;
      this.#status.set(status.state === "ok" ? "connected" : "degraded");
    });
    transport.on("message", (message) => this.#subscriptions.receive(message));
    transport.on("messageBatch", (batch) => this.#subscriptions.receiveBatch(batch));
    transport.on("presenceUpdate", (update) => this.#subscriptions.presenceUpdate(update));
    transport.on("unsubscribed", (notice) => this.#subscriptions.unsubscribed(notice));
  }

  #retryLater(): void {
    this.#backoff.schedule(() => {
      if (!this.#closed && !this.#transport.connected) this.#transport.connect();
    });
  }
}
