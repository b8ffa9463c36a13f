import type { RealtimeErrorCode } from "../protocol/errors";
import { authorizeChannel } from "./socket-io-channel-access";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import { emitToSocket } from "../socket-io-server-types";
import type { RealtimeIOServer, RealtimeIOSocket } from "../socket-io-server-types";
import { REALTIME_EVENTS, channelOfRoom, channelRoom } from "../protocol/wire-protocol";

type NamespaceAdapter = ReturnType<RealtimeIOServer["of"]>["adapter"];
type RestoredSession = NonNullable<Awaited<ReturnType<NamespaceAdapter["restoreSession"]>>>;

/** What a recovering socket had, kept aside until gate 1 has run again. */
interface HeldSession {
  readonly channels: readonly string[];
  readonly missedPackets: readonly unknown[][];
  readonly heldAt: number;
}

/** socket.io-parser's `PacketType.EVENT`; the parser is not a direct dependency. */
const EVENT_PACKET = 2;

function channelOf(packet: readonly unknown[]): string | undefined {
  const first: unknown = packet[1];
  if (typeof first !== "object" || first === null || !("channel" in first)) return undefined;
  return typeof first.channel === "string" ? first.channel : undefined;
}

/**
 * Closes a hole in Socket.IO's connection-state recovery: its `Socket`
 * constructor re-joins the restored rooms and writes the missed packets to
 * the wire BEFORE the middlewares (gate 1) run, so a client whose session
 * was revoked, or whose role was taken away, while it was disconnected would
 * still receive what was broadcast meanwhile (and live broadcasts during its
 * handshake). The hold strips rooms and missed packets from every restored
 * session and keeps them aside; `resume` hands back only what the freshly
 * authenticated user may still read. A refused recovery never resumes: its
 * entry is dropped after `maxAgeMs` (the handshake timeout) or when the
 * table is full.
 *
 * @example
 * const hold = new RecoveryHold({ maxAgeMs: limits.handshakeTimeoutMs });
 * hold.install(io.of("/").adapter);
 * // after gate 1 admitted a recovered socket:
 * await hold.resume(ctx, socket);
 */
export class RecoveryHold {
  readonly #held = new Map<string, HeldSession>();
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;

  constructor(options: { readonly maxAgeMs: number; readonly maxEntries?: number }) {
    this.#maxAgeMs = options.maxAgeMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** Wraps the adapter's `restoreSession` (an instance patch: Socket.IO offers no hook there). */
  install(adapter: NamespaceAdapter): void {
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = async (pid, offset) => {
      // The in-memory adapter answers `null` synchronously on a miss, the others with a promise.
      const session = (await Promise.resolve(restore(pid, offset))) as RestoredSession | null;
      if (session === null || session === undefined) return session as unknown as RestoredSession;
      this.#hold(session);
      return { ...session, rooms: [], missedPackets: [] };
    };
  }

  /** Sessions held right now (tests, leak checks). */
  get size(): number {
    return this.#held.size;
  }

  clear(): void {
    this.#held.clear();
  }

  /**
   * Gate 2 for a recovered socket: re-join each held channel the user may
   * still read (scope and policy), tell the client about the ones it may not, then write the
   * missed packets of the channels it kept (and those on no channel).
   */
  async resume(ctx: SocketIOGateContext, socket: RealtimeIOSocket): Promise<void> {
    const held = this.#held.get(socket.id);
    if (held === undefined) return;
    this.#held.delete(socket.id);
    const subscriptions = socket.data.subscriptions;
    // The client believes it is still subscribed to every held channel: each one not given back gets a notice.
    const refuse = (channel: string, code: RealtimeErrorCode, message: string): void =>
      emitToSocket(socket, REALTIME_EVENTS.unsubscribed, { channel, error: { code, message } });
    for (const channel of held.channels) {
      if (subscriptions.has(channel)) continue;
      const resolution = ctx.registry.resolve(channel);
      if (resolution.kind !== "match") {
        refuse(channel, "FORBIDDEN", "This channel no longer exists");
        continue;
      }
      const verdict = await authorizeChannel(ctx, socket, { ...resolution, channel }, "read");
      if (!verdict.ok) {
        refuse(channel, verdict.code, verdict.reason);
        continue;
      }
      if (subscriptions.size >= ctx.limits.maxSubscriptionsPerSocket) {
        refuse(channel, "TOO_MANY_SUBSCRIPTIONS", `At most ${ctx.limits.maxSubscriptionsPerSocket} subscriptions per connection`);
        continue;
      }
      subscriptions.set(channel, resolution.descriptor.name);
      ctx.metrics.subscriptionAdded(resolution.descriptor.name);
      await socket.join(channelRoom(channel));
    }
    if (!socket.connected) return;
    // Socket.IO's own write path (`packet`, private in its typings) keeps the
    // recovery offsets the client tracks, exactly as the constructor would have.
    const writer = socket as unknown as { packet(packet: { type: number; data: unknown[] }): void };
    for (const packet of held.missedPackets) {
      const channel = channelOf(packet);
      if (channel === undefined || subscriptions.has(channel)) writer.packet({ type: EVENT_PACKET, data: [...packet] });
    }
  }

  #hold(session: RestoredSession): void {
    const now = Date.now();
    for (const [sid, held] of this.#held) {
      if (now - held.heldAt <= this.#maxAgeMs && this.#held.size < this.#maxEntries) break;
      this.#held.delete(sid);
    }
    const channels = session.rooms.flatMap((room) => channelOfRoom(room) ?? []);
    this.#held.delete(session.sid);
    this.#held.set(session.sid, { channels, missedPackets: session.missedPackets, heldAt: now });
  }
}
