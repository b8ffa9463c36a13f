import { errorAck } from "./realtime-ack";
import type { SocketIOGateContext } from "./socket-io-gate-context";
import { limitControlFrame } from "./socket-io-inbound-gate";
import { refuseExpiredSession } from "./socket-io-reauthentication";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import { REALTIME_EVENTS } from "../protocol/wire-protocol";
import type { Ack, ClientToServerEvents } from "../protocol/wire-protocol";

export type FrameHandler = (ctx: SocketIOGateContext, socket: RealtimeIOSocket, frame: unknown) => Promise<Ack>;

type AckFn = (response: Ack) => void;

function sendAck(ctx: SocketIOGateContext, socket: RealtimeIOSocket, event: string, ack: AckFn, response: Ack): void {
  try {
    ack(response);
  } catch (error) {
    ctx.log.error({ err: error, event, socketId: socket.id }, "realtime_ack_failed");
  }
}

function onFrame(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  event: string,
  handle: FrameHandler,
  args: readonly unknown[],
): void {
  const last = args.at(-1);
  if (typeof last !== "function") {
    // Every client frame expects an answer; one that cannot get it is a broken client.
    ctx.log.debug({ event, socketId: socket.id }, "realtime_frame_without_ack_dropped");
    return;
  }
  const ack = last as AckFn;
  // Publishes are limited by their own buckets inside gate 3; every other frame by the control bucket.
  const limited = refuseExpiredSession(ctx, socket) ?? (event === REALTIME_EVENTS.publish ? null : limitControlFrame(ctx, socket));
  if (limited !== null) {
    sendAck(ctx, socket, event, ack, limited);
    return;
  }
  if (args.length !== 2) {
    sendAck(ctx, socket, event, ack, errorAck("INVALID_FRAME", `"${event}" takes exactly one frame and an ack`));
    return;
  }
  const work = ctx.inFlight.track(
    (async () => handle(ctx, socket, args[0]))().catch((error: unknown): Ack => {
      ctx.log.error({ err: error, event, socketId: socket.id, userId: socket.data.user?.userId ?? null }, "realtime_frame_failed");
      return errorAck("INTERNAL", "Internal error");
    }),
  );
  void work.then((response) => sendAck(ctx, socket, event, ack, response));
}

/**
 * Attaches the frame handlers to a socket. Every listener is fenced: a
 * malformed frame or a throwing handler becomes an ack (`INVALID_FRAME`,
 * `INTERNAL`), never an exception out of Socket.IO's emitter or an unhandled
 * rejection. Events nobody handles are answered `INVALID_FRAME` when the
 * client asked for an ack, and dropped otherwise.
 *
 * @example
 * listenForFrames(ctx, socket, { "realtime:subscribe": handleSubscribe });
 */
export function listenForFrames(
  ctx: SocketIOGateContext,
  socket: RealtimeIOSocket,
  handlers: Readonly<Partial<Record<keyof ClientToServerEvents, FrameHandler>>>,
): void {
  const handled = new Set<string>();
  for (const [event, handle] of Object.entries(handlers) as [keyof ClientToServerEvents, FrameHandler][]) {
    handled.add(event);
    socket.on(event, (...args: unknown[]) => onFrame(ctx, socket, event, handle, args));
  }
  // onAny sees every event, handled ones included: answer only the rest.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && handled.has(event)) return;
    const name = String(event).slice(0, 64);
    const last = args.at(-1);
    if (typeof last === "function") {
      sendAck(ctx, socket, name, last as AckFn, limitControlFrame(ctx, socket) ?? errorAck("INVALID_FRAME", `Unknown event "${name}"`));
    } else {
      ctx.log.debug({ event: name, socketId: socket.id }, "realtime_unknown_event_dropped");
    }
  });
}
