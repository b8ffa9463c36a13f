import { AppliedMessageIds } from "./applied-message-ids";
import { ChannelSequenceTracker } from "./channel-sequence-tracker";
import { ChannelTemplateError, formatChannelName } from "../channels/channel-template";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelInbound, ChannelPayload } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeErrorBody } from "../protocol/errors";
import { defaultPositionStore } from "./position-store";
import type { PositionStore } from "./position-store";
import type { RealtimeTransport } from "./realtime-transport";
import { REALTIME_EVENTS } from "../protocol/wire-protocol";
import type {
  PresenceAck,
  PresenceMember,
  PresenceUpdate,
  PublishAck,
  RealtimeMessage,
  SubscribeAck,
  TSubscribeFrame,
} from "../protocol/wire-protocol";

export type RealtimeConnectionStatus =
  | "connecting"
  | "connected"
  | "reconnecting"
  | "disconnected"
  | "degraded"
  | "version-mismatch";

export interface SubscribeOptions {
  /** The server refused the subscription, or later took it away (roles changed, session ended). */
  readonly onError?: (error: RealtimeErrorBody) => void;
  /**
   * After a reconnect or reload: `true` when every missed message was replayed,
   * `false` when the app must reload a snapshot (history too short, epoch changed).
   */
  readonly onRecovered?: (recovered: boolean) => void;
  /** The server accepted the subscription (again, after every reconnect). */
  readonly onSubscribed?: () => void;
  /** Someone joined or left a presence channel (their first connection came, or their last one went). */
  readonly onPresence?: (update: PresenceUpdate) => void;
}

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
}

type MessageListener = (payload: unknown, message: RealtimeMessage) => void;

interface Listener {
  readonly onMessage: MessageListener;
  readonly options: SubscribeOptions;
}

interface ChannelEntry {
  readonly name: string;
  readonly descriptor: AnyRealtimeChannel;
  readonly listeners: Set<Listener>;
  tracker: ChannelSequenceTracker;
  /** The server acknowledged the subscription on the current connection. */
  active: boolean;
  /** Messages that arrived before the first ack told this fresh subscription where it starts. */
  early: RealtimeMessage[] | undefined;
  gapTimer: ReturnType<typeof setTimeout> | undefined;
}

function isAck(value: unknown): value is { ok: boolean } {
  return typeof value === "object" && value !== null && typeof (value as { ok?: unknown }).ok === "boolean";
}

/**
 * The browser/Node realtime client: typed subscribe and publish,
 * resubscription after every reconnect (the server's gates run again),
 * in-order delivery by `seq` with replay of what was missed, and a
 * connection status the UI can show.
 */
export class RealtimeClient {
  #status: RealtimeConnectionStatus = "connecting";
  #closed = false;
  #retryDelay: number;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #statusListeners = new Set<(status: RealtimeConnectionStatus) => void>();
  readonly #channels = new Map<string, ChannelEntry>();
  readonly #transport: RealtimeTransport;
  readonly #positions: PositionStore;
  readonly #requestTimeoutMs: number;
  readonly #gapTimeoutMs: number;
  readonly #baseRetryDelay: number;
  /** One per client, kept across reconnects and recoveries: an id is applied once, whatever `seq` it comes back under. */
  readonly #applied: AppliedMessageIds;

  constructor(config: RealtimeClientConfig) {
    this.#transport = config.transport;
    this.#positions = config.positionStore ?? defaultPositionStore();
    this.#requestTimeoutMs = config.requestTimeoutMs ?? 10_000;
    this.#gapTimeoutMs = config.gapTimeoutMs ?? 1_000;
    this.#baseRetryDelay = config.retryDelayMs ?? 1_000;
    this.#retryDelay = this.#baseRetryDelay;
    this.#applied = new AppliedMessageIds(config.appliedMessageIds);
    this.#wire();
  }

  get status(): RealtimeConnectionStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change; returns an unsubscribe function. */
  onStatus(listener: (status: RealtimeConnectionStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /**
   * Subscribe to a concrete channel. Returns the function that unsubscribes.
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
      name = formatChannelName(descriptor.template, params);
    } catch (error) {
      if (!(error instanceof ChannelTemplateError)) throw error;
      options.onError?.({ code: "INVALID_PARAMS", message: error.message });
      return () => undefined;
    }
    let entry = this.#channels.get(name);
    const isNew = entry === undefined;
    if (entry === undefined) {
      entry = {
        name,
        descriptor,
        listeners: new Set(),
        tracker: new ChannelSequenceTracker(this.#positions.load(name)),
        active: false,
        early: undefined,
        gapTimer: undefined,
      };
      this.#channels.set(name, entry);
    }
    const listener: Listener = { onMessage: onMessage as MessageListener, options };
    entry.listeners.add(listener);
    if (isNew && this.#transport.connected) void this.#sendSubscribe(entry);
    else if (entry.active) queueMicrotask(() => options.onSubscribed?.());
    const owned = entry;
    return () => {
      owned.listeners.delete(listener);
      if (owned.listeners.size > 0 || this.#channels.get(name) !== owned) return;
      this.#dropChannel(owned);
      if (this.#transport.connected) {
        this.#transport.request(REALTIME_EVENTS.unsubscribe, { channel: name }, this.#requestTimeoutMs).catch((error: unknown) => {
          // The server drops subscriptions of closed connections anyway; nothing to repair here.
          console.debug(`realtime: unsubscribe from ${name} not acknowledged`, error);
        });
      }
    };
  }

  /**
   * Publish to a channel that accepts client messages. Resolves with the
   * handler's result; rejects with a `RealtimeError` carrying the server's code.
   * Pass the same `id` when retrying so the server applies it once.
   */
  async publish<D extends AnyRealtimeChannel>(
    descriptor: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelInbound<D>,
    options: { readonly id?: string } = {},
  ): Promise<unknown> {
    const channel = formatChannelName(descriptor.template, params);
    const frame = options.id === undefined ? { channel, payload } : { channel, payload, id: options.id };
    const ack = (await this.#transport.request(REALTIME_EVENTS.publish, frame, this.#requestTimeoutMs)) as PublishAck;
    if (!isAck(ack)) throw new RealtimeError("INVALID_FRAME", "The server sent a malformed ack");
    if (!ack.ok) throw new RealtimeError(ack.error.code, ack.error.message, { retryAfterMs: ack.error.retryAfterMs });
    return ack.result;
  }

  /**
   * Who is on a presence channel right now, across every server instance.
   * The channel must be subscribed first; rejects with a `RealtimeError`
   * (`NOT_SUBSCRIBED`, `NO_PRESENCE`, ...) otherwise.
   *
   * @example
   * const members = await client.presence(roomChannel, { roomId });
   */
  async presence<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]>): Promise<readonly PresenceMember[]> {
    const channel = formatChannelName(descriptor.template, params);
    const ack = (await this.#transport.request(REALTIME_EVENTS.presence, { channel }, this.#requestTimeoutMs)) as PresenceAck;
    if (!isAck(ack)) throw new RealtimeError("INVALID_FRAME", "The server sent a malformed ack");
    if (!ack.ok) throw new RealtimeError(ack.error.code, ack.error.message, { retryAfterMs: ack.error.retryAfterMs });
    return ack.members;
  }

  /** Connect now (when created with `autoConnect: false`). */
  connect(): void {
    if (this.#closed) return;
    this.#transport.connect();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    for (const entry of this.#channels.values()) clearTimeout(entry.gapTimer);
    this.#channels.clear();
    this.#transport.disconnect();
    this.#setStatus("disconnected");
  }

  #wire(): void {
    const transport = this.#transport;
    transport.on("connect", () => {
      this.#retryDelay = this.#baseRetryDelay;
      this.#setStatus("connected");
      for (const entry of this.#channels.values()) void this.#sendSubscribe(entry);
    });
    transport.on("disconnect", (reason) => {
      if (this.#closed) return;
      for (const entry of this.#channels.values()) entry.active = false;
      this.#setStatus("reconnecting");
      // Socket.IO does not come back by itself after a server-side disconnect (logout, restart, drain).
      if (reason === "io server disconnect") this.#scheduleRetry();
    });
    transport.on("connectError", (error) => {
      if (this.#closed) return;
      if (error.code === "VERSION_MISMATCH") {
        this.#setStatus("version-mismatch");
        transport.disconnect();
        return;
      }
      this.#setStatus("reconnecting");
      // Transport failures are retried by the transport; refusals need a fresh attempt (and fresh credentials).
      if (error.code !== "TRANSPORT") this.#scheduleRetry();
    });
    transport.on("status", (status) => {
      if (this.#closed || !transport.connected) return;
      this.#setStatus(status.state === "ok" ? "connected" : "degraded");
    });
    transport.on("message", (message) => this.#onMessage(message));
    transport.on("presenceUpdate", (update) => {
      const entry = this.#channels.get(update.channel);
      if (entry === undefined) return;
      for (const listener of entry.listeners) listener.options.onPresence?.(update);
    });
    transport.on("unsubscribed", (notice) => {
      const entry = this.#channels.get(notice.channel);
      if (entry === undefined) return;
      this.#dropChannel(entry);
      for (const listener of entry.listeners) listener.options.onError?.(notice.error);
    });
  }

  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(this.#retryDelay * 2, 30_000);
    this.#retryTimer = setTimeout(() => {
      if (!this.#closed && !this.#transport.connected) this.#transport.connect();
    }, delay);
  }

  async #sendSubscribe(entry: ChannelEntry): Promise<void> {
    const position = entry.tracker.position;
    if (position === undefined) entry.early ??= [];
    const frame: TSubscribeFrame =
      position === undefined ? { channel: entry.name } : { channel: entry.name, since: position.seq, epoch: position.epoch };
    let ack: SubscribeAck;
    try {
      ack = (await this.#transport.request(REALTIME_EVENTS.subscribe, frame, this.#requestTimeoutMs)) as SubscribeAck;
    } catch (error) {
      // Timed out or disconnected: the next "connect" resubscribes every channel.
      console.debug(`realtime: subscribe to ${entry.name} not acknowledged`, error);
      this.#releaseEarly(entry);
      return;
    }
    if (this.#channels.get(entry.name) !== entry) return;
    if (!isAck(ack)) return;
    if (!ack.ok) {
      this.#dropChannel(entry);
      for (const listener of entry.listeners) listener.options.onError?.(ack.error);
      return;
    }
    if (ack.recovered === false) {
      // Replay impossible: deliver nothing stale, restart from the server's position, let the app reload.
      for (const message of entry.tracker.skipGap()) this.#deliver(entry, message);
      if (ack.seq !== undefined && ack.epoch !== undefined) {
        entry.tracker = new ChannelSequenceTracker({ seq: ack.seq, epoch: ack.epoch });
        this.#positions.save(entry.name, { seq: ack.seq, epoch: ack.epoch });
      }
    }
    if (ack.recovered !== undefined) {
      for (const listener of entry.listeners) listener.options.onRecovered?.(ack.recovered);
    }
    const early = entry.early;
    entry.early = undefined;
    if (ack.recovered === undefined && ack.seq !== undefined && ack.epoch !== undefined) {
      entry.tracker.startAt({ seq: ack.seq, epoch: ack.epoch });
    }
    // Held back so the start above orders them; arrival order is not seq order across instances.
    for (const message of [...(early ?? [])].sort((a, b) => a.seq - b.seq)) this.#onMessage(message);
    entry.active = true;
    for (const listener of entry.listeners) listener.options.onSubscribed?.();
    if (ack.recovered === true && entry.tracker.hasGap) this.#closeGap(entry);
  }

  #onMessage(message: RealtimeMessage): void {
    const entry = this.#channels.get(message.channel);
    if (entry === undefined) return;
    if (entry.early !== undefined) {
      entry.early.push(message);
      return;
    }
    const result = entry.tracker.accept(message);
    if (result.epochChanged) {
      for (const listener of entry.listeners) listener.options.onRecovered?.(false);
    }
    for (const delivered of result.deliver) this.#deliver(entry, delivered);
    if (result.gap && entry.gapTimer === undefined) {
      entry.gapTimer = setTimeout(() => {
        entry.gapTimer = undefined;
        this.#closeGap(entry);
      }, this.#gapTimeoutMs);
    } else if (!result.gap && entry.gapTimer !== undefined) {
      clearTimeout(entry.gapTimer);
      entry.gapTimer = undefined;
    }
  }

  /** A hole stayed open: ask for a replay when the channel keeps history, otherwise move past it. */
  #closeGap(entry: ChannelEntry): void {
    if (!entry.tracker.hasGap) return;
    if (entry.descriptor.history !== undefined && this.#transport.connected && entry.gapTimer === undefined) {
      entry.gapTimer = setTimeout(() => {
        entry.gapTimer = undefined;
        for (const message of entry.tracker.skipGap()) this.#deliver(entry, message);
      }, this.#gapTimeoutMs);
      void this.#sendSubscribe(entry);
      return;
    }
    for (const message of entry.tracker.skipGap()) this.#deliver(entry, message);
  }

  #deliver(entry: ChannelEntry, message: RealtimeMessage): void {
    this.#positions.save(entry.name, { seq: message.seq, epoch: message.epoch });
    // The position moves on either way; only the application is spared the redelivery.
    if (message.id !== undefined && !this.#applied.add(message.id)) return;
    for (const listener of entry.listeners) listener.onMessage(message.payload, message);
  }

  /** No start position is coming: hand the held messages to the tracker as they are. */
  #releaseEarly(entry: ChannelEntry): void {
    const early = entry.early ?? [];
    entry.early = undefined;
    for (const message of early) this.#onMessage(message);
  }

  #dropChannel(entry: ChannelEntry): void {
    clearTimeout(entry.gapTimer);
    this.#channels.delete(entry.name);
  }

  #setStatus(status: RealtimeConnectionStatus): void {
    if (this.#status === status || (this.#status === "version-mismatch" && status !== "disconnected")) return;
    this.#status = status;
    for (const listener of this.#statusListeners) listener(status);
  }
}
