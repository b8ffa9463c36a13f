import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { childLogger, noopRealtimeMetrics } from "@repo/core-observability";
import { clientAddressKey } from "./server/client-address";
import { InMemoryIdempotencyStore } from "./server/in-memory-idempotency-store";
import { InFlightTracker } from "./server/in-flight-tracker";
import { InMemoryChannelLog } from "./history/in-memory-channel-log";
import { InMemoryPresenceStore } from "./presence/in-memory-presence-store";
import { InMemoryRateLimitStore } from "./rate-limits/in-memory-rate-limit-store";
import type { IRealtimeServer } from "./server/realtime-server";
import { LocalConnectionTable } from "./server/local-connection-table";
import { presenceProfileOf } from "./presence/presence-profile";
import { PresenceTracker } from "./presence/presence-tracker";
import { resolveRealtimeLimits } from "./rate-limits/realtime-limits";
import { createConnectionGate } from "./socket-io-connection-gate";
import type { SocketIORealtimeServerOptions } from "./server/socket-io-realtime-server-options";
import { listenForFrames } from "./server/socket-io-frame-listener";
import { OCCUPANCY_MEMBER } from "./server/socket-io-gate-context";
import type { SocketIOGateContext } from "./server/socket-io-gate-context";
import { handlePublish } from "./server/socket-io-inbound-gate";
import { handlePresence } from "./server/socket-io-presence-gate";
import { SocketIORealtimeBroadcaster } from "./broadcast/socket-io-realtime-broadcaster";
import { reauthenticateSockets } from "./server/socket-io-reauthentication";
import { RecoveryHold } from "./server/socket-io-recovery-hold";
import { emitToSocket, sessionRoom, userRoom } from "./socket-io-server-types";
import type { RealtimeIOServer, RealtimeIOSocket } from "./socket-io-server-types";
import { disconnectSlowConsumers } from "./server/socket-io-slow-consumers";
import { handleSubscribe, handleUnsubscribe, restoreSubscriptions } from "./server/socket-io-subscription-gate";
import { REALTIME_DEFAULT_PATH, REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION, assertProtocolVersion, channelRoom, channelOfRoom } from "./protocol/wire-protocol";
import { RealtimeServerApi } from "./server/realtime-server-api";
import type { IRealtimeWebhookSink } from "./webhooks/webhook-events";
import type { PublishAck, RealtimeConnectionHealth, RealtimeStatusEvent } from "./protocol/wire-protocol";

/** After the drain, how long closed transports get to flush their last packets before being cut. */
const TRANSPORT_CLOSE_GRACE_MS = 1_000;
const DEFAULT_PRESENCE_HEARTBEAT_MS = 10_000;

/** What `SocketIORealtimeServer.diagnostics()` reports; every field returns to its idle value once clients leave. */
export interface RealtimeServerDiagnostics {
  /** Sockets admitted to the namespace. */
  readonly sockets: number;
  /** Rooms in the local adapter (channel, user, session and per-socket rooms). */
  readonly rooms: number;
  /** engine.io connections, including ones that never completed the Socket.IO handshake. */
  readonly engineConnections: number;
  readonly usersWithConnections: number;
  /** Client addresses holding anonymous sockets (the per-address cap's table). */
  readonly anonymousAddresses: number;
  readonly inFlightHandlers: number;
  /** Recovered sessions waiting for gate 1. */
  readonly heldRecoveries: number;
}

/**
 * The realtime transport: Socket.IO on the app's http server, running the
 * four gates (connect, subscribe, publish, broadcast) of ADR-016 plus the
 * limits that keep one client from hurting the others.
 *
 * @example
 * const realtime = new SocketIORealtimeServer({ httpServer, registry, authenticator, logger, metrics });
 * await realtime.broadcaster.broadcast(notificationsChannel, { userId }, note);
 * process.on("SIGTERM", () => void realtime.close({ drainTimeoutMs: 5_000 }));
 */
export class SocketIORealtimeServer implements IRealtimeServer {
  readonly broadcaster: SocketIORealtimeBroadcaster;
  /** What other backends may do (publish, history, presence, channel list); the app mounts it on HTTP. */
  readonly serverApi: RealtimeServerApi;
  readonly instanceId: string;
  /** The protocol version gate 1 requires (same major); pages hand it to their clients. */
  readonly protocolVersion: string;
  readonly #io: RealtimeIOServer;
  readonly #ctx: SocketIOGateContext;
  readonly #multiInstance: boolean;
  readonly #webhooks: IRealtimeWebhookSink | undefined;
  readonly #timers: NodeJS.Timeout[] = [];
  /** Set when connection-state recovery is on: restored sessions wait here until gate 1 ran again. */
  readonly #recoveryHold: RecoveryHold | null;
  #health: RealtimeStatusEvent = { state: "ok" };
  #closed: Promise<void> | null = null;
  #sweeping = false;

  constructor(options: SocketIORealtimeServerOptions) {
    // First, so a misconfigured version throws before anything listens.
    const protocolVersion = assertProtocolVersion(options.protocolVersion ?? REALTIME_PROTOCOL_VERSION);
    this.protocolVersion = protocolVersion;
    const limits = resolveRealtimeLimits(options.limits);
    const metrics = options.metrics ?? noopRealtimeMetrics;
    const channelLog = options.channelLog ?? new InMemoryChannelLog();
    const recovery = options.connectionStateRecovery;
    this.instanceId = options.instanceId ?? randomUUID();
    this.#multiInstance = options.adapter !== undefined;
    this.#io = new Server(options.httpServer, {
      path: options.path ?? REALTIME_DEFAULT_PATH,
      serveClient: false,
      maxHttpBufferSize: limits.maxFrameBytes,
      connectTimeout: limits.handshakeTimeoutMs,
      pingInterval: limits.pingIntervalMs,
      pingTimeout: limits.pingTimeoutMs,
      // Refused at the engine level (not with a connect_error) so clients keep retrying and land on another instance.
      allowRequest: (_request, callback) => callback(this.#closed === null ? null : "draining", this.#closed === null),
      ...(options.adapter === undefined ? {} : { adapter: options.adapter }),
      // Middlewares always run on recovery: credentials may have been revoked while the client was away.
      ...(recovery === undefined
        ? {}
        : { connectionStateRecovery: { maxDisconnectionDuration: recovery.maxDisconnectionDurationMs, skipMiddlewares: false } }),
    });
    this.#recoveryHold = recovery === undefined ? null : new RecoveryHold({ maxAgeMs: limits.handshakeTimeoutMs });
    this.#recoveryHold?.install(this.#io.of("/").adapter);
    this.broadcaster = new SocketIORealtimeBroadcaster(this.#io, { channelLog, metrics, logger: childLogger(options.logger, "realtime-broadcaster") });
    const log = childLogger(options.logger, "realtime-server");
    const webhooks = options.webhooks;
    this.#webhooks = webhooks?.sink;
    const presence = new PresenceTracker({
      store: options.presence ?? new InMemoryPresenceStore(),
      instanceId: this.instanceId,
      // Through the adapter: subscribers on every instance hear who joined or left. The store answers a join or leave to one instance only.
      announce: (update) => {
        this.#io.to(channelRoom(update.channel)).emit(REALTIME_EVENTS.presenceUpdate, update);
        webhooks?.sink.enqueue({ name: update.event === "join" ? "member_added" : "member_removed", channel: update.channel, userId: update.userId });
      },
      log,
    });
    const occupancy =
      webhooks === undefined
        ? null
        : new PresenceTracker({
            store: webhooks.occupancy,
            instanceId: this.instanceId,
            announce: (update) => webhooks.sink.enqueue({ name: update.event === "join" ? "channel_occupied" : "channel_vacated", channel: update.channel }),
            log,
          });
    this.#ctx = {
      registry: options.registry,
      authenticator: options.authenticator,
      broadcaster: this.broadcaster,
      // Taken now, before the app seals the allowlist: handlers registered later still get their source.
      inboundSource: this.broadcaster.sources.issuerFor("inbound-handler"),
      channelLog,
      log,
      metrics,
      limits,
      allowedOrigins: options.allowedOrigins ?? [],
      protocolVersion,
      connections: new LocalConnectionTable(limits.inboundRatePerUser),
      anonymousConnections: new LocalConnectionTable(limits.inboundRatePerUser),
      presence,
      occupancy,
      rateLimits: options.rateLimits ?? new InMemoryRateLimitStore({ now: options.now }),
      socketState: new WeakMap(),
      idempotency: options.idempotency ?? new InMemoryIdempotencyStore<PublishAck>({ now: options.now }),
      inFlight: new InFlightTracker(),
      wrapHandler: options.wrapHandler ?? ((_template, handler) => handler),
      now: options.now ?? Date.now,
      bucketClock: options.now ?? performance.now.bind(performance),
      isClosing: () => this.#closed !== null,
    };
    this.serverApi = new RealtimeServerApi({
      registry: options.registry,
      broadcaster: this.broadcaster,
      sources: this.broadcaster.sources,
      channelLog,
      presence,
      idempotency: this.#ctx.idempotency,
      maxIdempotencyKeysPerCaller: limits.idempotencyKeysPerUser,
      countSubscribers: () => this.#clusterChannelCounts(),
    });
    this.#io.use(createConnectionGate(this.#ctx));
    this.#io.on("realtime:channel-counts", (ack) => ack(Object.fromEntries(this.#localChannelCounts())));
    this.#io.on("connection", (socket) => this.#onConnection(socket));
    this.#io.on("realtime:reauthenticate", (userId: unknown) => {
      if (typeof userId === "string") this.#reauthenticateLocal(userId).catch((error: unknown) => this.#logCrash(error));
    });
    this.#every(limits.reauthIntervalMs, () => void this.#sweepCredentials().catch((error: unknown) => this.#logCrash(error)));
    this.#every(limits.slowConsumerCheckIntervalMs, () => this.#dropSlowConsumers());
    this.#every(options.presenceHeartbeatMs ?? DEFAULT_PRESENCE_HEARTBEAT_MS, () => {
      void presence.heartbeat();
      void occupancy?.heartbeat();
    });
  }

  /** Sockets connected to this instance. */
  connectedSockets(): number {
    return this.#io.of("/").sockets.size;
  }

  /** Sizes of this instance's bookkeeping, for leak checks (soak and fuzz tests) and debugging. */
  diagnostics(): RealtimeServerDiagnostics {
    const namespace = this.#io.of("/");
    return {
      sockets: namespace.sockets.size,
      rooms: namespace.adapter.rooms.size,
      engineConnections: this.#io.engine.clientsCount,
      usersWithConnections: this.#ctx.connections.users,
      anonymousAddresses: this.#ctx.anonymousConnections.users,
      inFlightHandlers: this.#ctx.inFlight.size,
      heldRecoveries: this.#recoveryHold?.size ?? 0,
    };
  }

  disconnectSession(sessionId: string, reason?: string): Promise<void> {
    // The session id is a credential in some auth setups: log the reason, not the id.
    this.#ctx.log.info({ reason: reason ?? "session_ended" }, "realtime_session_disconnect");
    this.#io.in(sessionRoom(sessionId)).disconnectSockets(true);
    return Promise.resolve();
  }

  async reauthenticateUser(userId: string): Promise<void> {
    // serverSideEmit reaches the other instances only; the in-memory adapter has none and warns.
    if (this.#multiInstance) this.#io.serverSideEmit("realtime:reauthenticate", userId);
    await this.#reauthenticateLocal(userId);
  }

  setHealth(state: RealtimeConnectionHealth, reason?: string): void {
    this.#health = reason === undefined ? { state } : { state, reason };
    this.#io.local.emit(REALTIME_EVENTS.status, this.#health);
  }

  close(options: { readonly drainTimeoutMs?: number } = {}): Promise<void> {
    this.#closed ??= this.#shutdown(options.drainTimeoutMs ?? 10_000);
    return this.#closed;
  }

  async #shutdown(drainTimeoutMs: number): Promise<void> {
    this.#timers.forEach(clearInterval);
    this.setHealth("draining", "Server is shutting down");
    const ctx = this.#ctx;
    if (!(await ctx.inFlight.drain(drainTimeoutMs))) {
      ctx.log.warn({ pending: ctx.inFlight.size }, "realtime_drain_timeout");
    }
    // Coalesced messages still in their window go out before the sockets close.
    this.broadcaster.stopCoalescing();
    // A plain transport close flushes queued acks first and makes clients
    // reconnect (elsewhere); a Socket.IO disconnect would stop them retrying.
    const namespace = this.#io.of("/");
    for (const socket of [...namespace.sockets.values()]) socket.conn.close();
    const deadline = Date.now() + Math.min(TRANSPORT_CLOSE_GRACE_MS, drainTimeoutMs);
    while (namespace.sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    // Not io.close(): it would also close the http server, which the app owns.
    this.#io.engine.close();
    await namespace.adapter.close();
    ctx.idempotency.clear();
    // After the sockets left: their vacated / member_removed events are queued by now, and close sends them.
    await this.#webhooks?.close();
    this.#recoveryHold?.clear();
    ctx.log.info({ instanceId: this.instanceId }, "realtime_server_closed");
  }

  #logCrash(error: unknown): void {
    this.#ctx.log.error({ err: error }, "realtime_reauthenticate_crashed");
  }

  #every(intervalMs: number, task: () => void): void {
    const timer = setInterval(task, intervalMs);
    timer.unref();
    this.#timers.push(timer);
  }

  #onConnection(socket: RealtimeIOSocket): void {
    const ctx = this.#ctx;
    ctx.metrics.socketConnected();
    socket.on("disconnect", (reason) => this.#onDisconnect(socket, reason));
    // Listeners first, synchronously: a client may send its first subscribe right after `connect`.
    listenForFrames(ctx, socket, {
      "realtime:subscribe": handleSubscribe,
      "realtime:unsubscribe": handleUnsubscribe,
      "realtime:publish": handlePublish,
      "realtime:presence": handlePresence,
    });
    if (this.#health.state !== "ok") emitToSocket(socket, REALTIME_EVENTS.status, this.#health);
    this.#joinIdentityRooms(socket).catch((error: unknown) => {
      ctx.log.error({ err: error, socketId: socket.id }, "realtime_connection_setup_failed");
      socket.disconnect(true);
    });
  }

  async #joinIdentityRooms(socket: RealtimeIOSocket): Promise<void> {
    const user = socket.data.user;
    if (user !== null) {
      await socket.join(userRoom(user.userId));
      if (user.sessionId !== undefined) await socket.join(sessionRoom(user.sessionId));
    }
    if (socket.recovered) {
      await restoreSubscriptions(this.#ctx, socket);
      await this.#recoveryHold?.resume(this.#ctx, socket);
      await this.#rejoinPresence(socket);
    }
  }

  /** A recovered socket got its channels back without passing gate 2's presence and occupancy steps. */
  async #rejoinPresence(socket: RealtimeIOSocket): Promise<void> {
    const user = socket.data.user;
    for (const channel of socket.data.subscriptions.keys()) {
      void this.#ctx.occupancy?.join(channel, OCCUPANCY_MEMBER, socket.id);
      if (user === null) continue;
      const resolution = this.#ctx.registry.resolve(channel);
      if (resolution.kind === "match" && resolution.descriptor.presence) {
        await this.#ctx.presence.join(channel, user.userId, socket.id, presenceProfileOf(user, resolution.descriptor.scope));
      }
    }
  }

  #onDisconnect(socket: RealtimeIOSocket, reason: string): void {
    const { metrics, connections, anonymousConnections, socketState, log, presence, occupancy } = this.#ctx;
    metrics.socketDisconnected();
    // Presence first: it needs the subscriptions this very line's neighbours clear.
    for (const channel of socket.data.subscriptions.keys()) {
      void presence.leave(channel, socket.id);
      void occupancy?.leave(channel, socket.id);
    }
    for (const template of socket.data.subscriptions.values()) metrics.subscriptionRemoved(template);
    socket.data.subscriptions.clear();
    const userId = socket.data.user?.userId;
    if (userId !== undefined) connections.release(userId, socket.id);
    // A namespace-level disconnect can leave the transport open (and the close hook unfired): release here too.
    else anonymousConnections.release(clientAddressKey(socket.handshake.address), socket.id);
    socketState.delete(socket);
    log.debug({ socketId: socket.id, userId: userId ?? null, reason }, "realtime_socket_disconnected");
  }

  #localChannelCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [room, sockets] of this.#io.of("/").adapter.rooms) {
      const channel = channelOfRoom(room);
      if (channel !== null) counts.set(channel, sockets.size);
    }
    return counts;
  }

  async #clusterChannelCounts(): Promise<Map<string, number>> {
    const counts = this.#localChannelCounts();
    if (!this.#multiInstance) return counts;
    // Each peer answers for its own sockets; the cluster adapter rejects when a peer does not answer in time (5 s),
    // so the list fails rather than under-counting silently.
    const peers: unknown[] = await this.#io.serverSideEmitWithAck("realtime:channel-counts");
    for (const peer of peers) {
      if (typeof peer !== "object" || peer === null) continue;
      for (const [channel, subscribers] of Object.entries(peer)) {
        if (typeof subscribers === "number") counts.set(channel, (counts.get(channel) ?? 0) + subscribers);
      }
    }
    return counts;
  }

  #localSockets(): RealtimeIOSocket[] {
    return [...this.#io.of("/").sockets.values()];
  }

  async #reauthenticateLocal(userId: string): Promise<void> {
    const ids = this.#io.of("/").adapter.rooms.get(userRoom(userId)) ?? new Set<string>();
    const sockets = [...ids].flatMap((id) => this.#io.of("/").sockets.get(id) ?? []);
    await reauthenticateSockets(this.#ctx, sockets);
  }

  async #sweepCredentials(): Promise<void> {
    // A sweep slower than the interval must not overlap the next one.
    if (this.#sweeping) return;
    this.#sweeping = true;
    try {
      await reauthenticateSockets(this.#ctx, this.#localSockets().filter((socket) => socket.data.user !== null));
    } finally {
      this.#sweeping = false;
    }
  }

  #dropSlowConsumers(): void {
    const { limits, metrics, log } = this.#ctx;
    disconnectSlowConsumers(this.#io.of("/").sockets.values(), limits.maxBufferedMessagesPerSocket, (socket, buffered) => {
      metrics.slowConsumerDisconnected();
      log.warn({ socketId: socket.id, userId: socket.data.user?.userId ?? null, buffered }, "realtime_slow_consumer_disconnected");
    });
  }
}
