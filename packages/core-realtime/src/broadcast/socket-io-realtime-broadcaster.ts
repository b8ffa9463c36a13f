import type { BroadcastOptions } from "./realtime-broadcaster";
import { RealtimeBroadcasterBase } from "./realtime-broadcaster-base";
import type { RealtimeBroadcasterOptions } from "./realtime-broadcaster-base";
import type { RealtimeIOServer } from "../socket-io-server-types";
import { REALTIME_EVENTS, channelRoom, packMessageBatch } from "../protocol/wire-protocol";
import type { RealtimeMessage } from "../protocol/wire-protocol";

/**
 * Gate 4 over Socket.IO: one room emit per broadcast. Socket.IO encodes the
 * packet once for the whole room (and the adapter forwards it once to other
 * instances), so the only per-subscriber work is Socket.IO's own write loop;
 * this class adds none. The packet is encoded synchronously inside `emit`,
 * which is also what isolates subscribers from later mutation of the payload.
 * A coalescing channel's run goes out the same way: one room emit of one
 * `realtime:message-batch` packet, encoded once, forwarded once by the adapter.
 *
 * @example
 * const server = new SocketIORealtimeServer({ httpServer, registry, authenticator, logger });
 * await server.broadcaster.broadcast(pollChannel, { pollId: "p1" }, { votes: 3 });
 */
export class SocketIORealtimeBroadcaster extends RealtimeBroadcasterBase {
  readonly #io: RealtimeIOServer;

  constructor(io: RealtimeIOServer, options: RealtimeBroadcasterOptions = {}) {
    super(options);
    this.#io = io;
  }

  protected deliver(message: RealtimeMessage, options: BroadcastOptions): number {
    const room = channelRoom(message.channel);
    const target = options.local === true ? this.#io.local.to(room) : this.#io.to(room);
    const except = options.exceptSocketId;
    (except === undefined ? target : target.except(except)).emit(REALTIME_EVENTS.message, message);
    const members = this.#io.of("/").adapter.rooms.get(room);
    if (members === undefined) return 0;
    return except !== undefined && members.has(except) ? members.size - 1 : members.size;
  }

  protected override deliverBatch(messages: readonly [RealtimeMessage, ...RealtimeMessage[]]): number {
    const room = channelRoom(messages[0].channel);
    this.#io.to(room).emit(REALTIME_EVENTS.messageBatch, packMessageBatch(messages));
    return this.#io.of("/").adapter.rooms.get(room)?.size ?? 0;
  }

  protected localSubscribers(channel: string): number {
    return this.#io.of("/").adapter.rooms.get(channelRoom(channel))?.size ?? 0;
  }
}
