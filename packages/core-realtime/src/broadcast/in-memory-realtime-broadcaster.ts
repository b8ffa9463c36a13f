import { authorize } from "../channels/authorize";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import type { BroadcastOptions } from "./realtime-broadcaster";
import { RealtimeBroadcasterBase } from "./realtime-broadcaster-base";
import type { RealtimeBroadcasterOptions } from "./realtime-broadcaster-base";
import type { RealtimeUser } from "../channels/realtime-user";
import { formatChannelName } from "../channels/channel-template";
import type { RealtimeMessage } from "../protocol/wire-protocol";

/** One in-process connection: what it subscribed to and what it received. */
export class InMemoryRealtimeConnection {
  readonly id = globalThis.crypto.randomUUID();
  readonly received: RealtimeMessage[] = [];
  readonly channels = new Set<string>();
  #open = true;

  constructor(
    readonly user: RealtimeUser | null,
    private readonly rooms: InMemoryRealtimeBroadcaster,
  ) {}

  /** Gate 2 in process: authorize, then join. Throws `RealtimeError` (UNAUTHENTICATED / FORBIDDEN / INVALID_PARAMS). */
  subscribe<D extends AnyRealtimeChannel>(channel: D, params: Readonly<Record<string, string>> = {}): string {
    if (!this.#open) throw new RealtimeError("UNAUTHENTICATED", "Connection is closed");
    let name: string;
    try {
      name = formatChannelName(channel.template, params);
    } catch {
      throw new RealtimeError("INVALID_PARAMS", `Invalid params for channel "${channel.name}"`);
    }
    const verdict = authorize(channel, params, this.user);
    if (!verdict.ok) throw new RealtimeError(verdict.code, verdict.reason);
    this.rooms.join(name, this);
    this.channels.add(name);
    return name;
  }

  unsubscribe(name: string): void {
    this.rooms.leave(name, this);
    this.channels.delete(name);
  }

  /** Payloads received on one concrete channel, in delivery order. */
  payloadsOn(name: string): unknown[] {
    return this.received.filter((m) => m.channel === name).map((m) => m.payload);
  }

  disconnect(): void {
    for (const name of this.channels) this.rooms.leave(name, this);
    this.channels.clear();
    this.#open = false;
  }

  /** Called by the broadcaster: each connection gets its own deep copy (payload isolation). */
  deliver(message: RealtimeMessage): void {
    this.received.push(structuredClone(message));
  }
}

/**
 * The dev/test transport: real rooms and connections, no sockets. It runs
 * the same gate-4 pipeline as the Socket.IO broadcaster, so tests can assert
 * exactly which connection received what.
 *
 * @example
 * const realtime = new InMemoryRealtimeBroadcaster();
 * const bob = realtime.connect({ userId: "bob", roles: [] });
 * bob.subscribe(notificationsChannel, { userId: "bob" });
 * await realtime.broadcast(notificationsChannel, { userId: "bob" }, note);
 * bob.payloadsOn("notifications.user.bob"); // [note]
 */
export class InMemoryRealtimeBroadcaster extends RealtimeBroadcasterBase {
  readonly #rooms = new Map<string, Set<InMemoryRealtimeConnection>>();

  constructor(options: RealtimeBroadcasterOptions = {}) {
    super(options);
  }

  connect(user: RealtimeUser | null = null): InMemoryRealtimeConnection {
    return new InMemoryRealtimeConnection(user, this);
  }

  /** Connections currently in a channel's room. */
  subscribersOf(name: string): number {
    return this.#rooms.get(name)?.size ?? 0;
  }

  join(name: string, connection: InMemoryRealtimeConnection): void {
    let room = this.#rooms.get(name);
    if (room === undefined) {
      room = new Set();
      this.#rooms.set(name, room);
    }
    room.add(connection);
  }

  leave(name: string, connection: InMemoryRealtimeConnection): void {
    const room = this.#rooms.get(name);
    if (room === undefined) return;
    room.delete(connection);
    if (room.size === 0) this.#rooms.delete(name);
  }

  protected localSubscribers(channel: string): number {
    return this.subscribersOf(channel);
  }

  protected deliver(message: RealtimeMessage, options: BroadcastOptions): number {
    const room = this.#rooms.get(message.channel);
    if (room === undefined) return 0;
    let delivered = 0;
    // Snapshot: a subscriber reacting to a message must not change who gets this one.
    for (const connection of [...room]) {
      if (connection.id === options.exceptSocketId) continue;
      connection.deliver(message);
      delivered++;
    }
    return delivered;
  }
}
