import { Server } from "socket.io";
import type { DefaultEventsMap, Socket } from "socket.io";
import { BENCH_TOKEN } from "../bench-authenticator";
import { ZBenchInbound } from "../bench-channels";
import type { TBenchPayload } from "../bench-channels";
import { QUIET_TIMER_MS } from "./bench-stack";
import type { BenchStack, BenchStackOptions } from "./bench-stack";
import { createListeningHttpServer } from "./listen";
import { baselineRedisAdapter, connectBenchRedis } from "./redis-adapter";

/** Event names of the baseline's own minimal protocol. */
export const BASELINE_EVENTS = { subscribe: "subscribe", publish: "publish", message: "message" } as const;

const FAN_OUT_ROOM = "ch:bench.fanout";
const userRoom = (userId: string): string => `ch:bench.user.${userId}`;

interface BaselineSocketData {
  userId: string | null;
}

type Ack = (response: { ok: boolean; result?: unknown; error?: string }) => void;

function channelOf(frame: unknown): string | undefined {
  if (typeof frame !== "object" || frame === null) return undefined;
  const channel = (frame as { channel?: unknown }).channel;
  return typeof channel === "string" ? channel : undefined;
}

type BaselineSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, BaselineSocketData>;

function onConnection(socket: BaselineSocket): void {
  socket.on(BASELINE_EVENTS.subscribe, (frame: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as Ack;
    const channel = channelOf(frame);
    const userId = socket.data.userId;
    if (channel === "bench.fanout") void socket.join(FAN_OUT_ROOM);
    else if (userId !== null && channel === `bench.user.${userId}`) void socket.join(userRoom(userId));
    else return reply({ ok: false, error: "FORBIDDEN" });
    reply({ ok: true });
  });
  socket.on(BASELINE_EVENTS.publish, (frame: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as Ack;
    if (socket.data.userId === null) return reply({ ok: false, error: "FORBIDDEN" });
    const payload = typeof frame === "object" && frame !== null ? (frame as { payload?: unknown }).payload : undefined;
    const parsed = ZBenchInbound.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: "INVALID_PAYLOAD" });
    reply({ ok: true, result: { step: parsed.data.step } });
  });
}

/**
 * The baseline: what a team would write with plain Socket.IO 4.8 for the same
 * work. A token check in a middleware, a subscribe event that joins a room
 * (public room, or the user's own), a publish event validated with the same
 * zod schema, and `io.to(room).emit(...)` with the bare payload. No envelope,
 * no `seq`, no limits, no metrics: exactly what our layer adds on top.
 *
 * @example
 * const baseline = await startBaselineStack({ host: "127.0.0.1", port: 0 });
 */
export async function startBaselineStack(options: BenchStackOptions): Promise<BenchStack> {
  const http = createListeningHttpServer();
  const redis = options.redis === undefined ? undefined : await connectBenchRedis(options.redis);
  const io = new Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, BaselineSocketData>(http.httpServer, {
    serveClient: false,
    ...(options.quietTimers === true ? { pingInterval: QUIET_TIMER_MS } : {}),
    ...(redis === undefined || options.redis === undefined ? {} : { adapter: baselineRedisAdapter(redis.client, options.redis.keyPrefix) }),
  });
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    if (token === undefined) socket.data.userId = null;
    else if (typeof token === "string" && BENCH_TOKEN.test(token)) socket.data.userId = token;
    else return next(new Error("UNAUTHENTICATED"));
    next();
  });
  io.on("connection", onConnection);
  const port = await http.listen(options.host, options.port);
  const emitTo = (room: string, payload: TBenchPayload): void => void io.to(room).emit(BASELINE_EVENTS.message, payload);
  return {
    port,
    fanOut: (payload) => emitTo(FAN_OUT_ROOM, payload),
    toUser: (userId, payload) => emitTo(userRoom(userId), payload),
    takeErrors: () => 0,
    connectedSockets: () => io.of("/").sockets.size,
    close: async () => {
      io.engine.close();
      await io.of("/").adapter.close();
      await http.close();
      await redis?.close();
    },
  };
}
