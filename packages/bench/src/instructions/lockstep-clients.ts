import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import { benchToken } from "../bench-authenticator";
import { benchFanOutChannel, benchInboundChannel, payloadOf } from "../bench-channels";
import { BASELINE_EVENTS } from "../stacks/baseline-stack";
import type { StackKind } from "../stacks/bench-stack";

/**
 * The counter's clients: real socket.io-client sockets in the counting
 * process, `subscribers` of them on the fan-out channel and one more that
 * publishes through gate 3 and is the one subscriber of its user's own
 * channel (the targeted path, scenario 2's operation). Publishes run in lockstep (each awaits its ack
 * before the next); broadcasts are paced by the target itself, and the
 * driver checks afterwards that every subscriber got every one of them.
 */
export interface LockstepClients {
  /** Resolves once every fan-out subscriber has received `total` broadcasts since connecting, in step order. */
  received(total: number): Promise<void>;
  /** The publisher's user: its socket is the one subscriber of that user's own channel (the targeted path). */
  readonly targetedUserId: string;
  /** Resolves once the publisher socket has received `total` targeted messages, in step order. */
  targetedReceived(total: number): Promise<void>;
  /** One publish of the 100-byte payload; resolves on an ok ack. */
  publish(step: number): Promise<void>;
  close(): void;
}

interface AckReply {
  readonly ok?: unknown;
}

const PAYLOAD_BYTES = 100;

function stepOf(payload: unknown): number | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const step = (payload as { step?: unknown }).step;
  return typeof step === "number" ? step : undefined;
}

function open(stack: StackKind, url: string, index: number, timeoutMs: number): Promise<Socket> {
  const token = benchToken(index);
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
    auth: stack === "ours" ? { version: REALTIME_PROTOCOL_VERSION, token } : { token },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(new Error(`connect ${token}: ${error.message}`)));
  });
}

async function request(socket: Socket, event: string, frame: object, timeoutMs: number): Promise<void> {
  const ack = (await socket.timeout(timeoutMs).emitWithAck(event, frame)) as AckReply | undefined;
  if (ack?.ok !== true) throw new Error(`${event} refused: ${JSON.stringify(ack)}`);
}

/**
 * @example
 * const clients = await connectLockstepClients("ours", `http://127.0.0.1:${port}`, { subscribers: 100, timeoutMs: 120_000 });
 * // ... the target broadcasts 500 times ...
 * await clients.received(500);
 */
export async function connectLockstepClients(
  stack: StackKind,
  url: string,
  options: { readonly subscribers: number; readonly timeoutMs: number },
): Promise<LockstepClients> {
  const events = stack === "ours" ? REALTIME_EVENTS : BASELINE_EVENTS;
  const sockets: Socket[] = [];
  const close = (): void => sockets.forEach((socket) => socket.disconnect());
  // A lost socket can never receive its share: say so instead of waiting out the bound.
  const lost: string[] = [];
  // Messages received per socket: 0..subscribers-1 on the fan-out channel, the publisher (last) on its own user channel.
  const counts: number[] = [];
  const lastSteps: number[] = [];
  const outOfOrder: string[] = [];
  let waiting: { check(): void } | null = null;
  const onPayload = (index: number, payload: unknown): void => {
    const step = stepOf(payload);
    if (step === undefined) return;
    if (step <= (lastSteps[index] ?? -1)) outOfOrder.push(`u${index}: step ${step} after ${lastSteps[index]}`);
    lastSteps[index] = step;
    counts[index] = (counts[index] ?? 0) + 1;
    waiting?.check();
  };
  const connect = async (index: number, channel: string): Promise<Socket> => {
    const socket = await open(stack, url, index, options.timeoutMs);
    sockets.push(socket);
    counts.push(0);
    socket.on("disconnect", (reason) => {
      lost.push(`u${index}: ${reason}`);
      waiting?.check();
    });
    if (stack === "ours") socket.on(REALTIME_EVENTS.message, (message: { payload?: unknown }) => onPayload(index, message.payload));
    else socket.on(BASELINE_EVENTS.message, (payload: unknown) => onPayload(index, payload));
    await request(socket, events.subscribe, { channel }, options.timeoutMs);
    return socket;
  };
  /** Resolves once every socket in `from..to-1` has exactly `total` messages. */
  const receivedBy = (from: number, to: number, total: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (waiting !== null) return reject(new Error("one wait at a time"));
      const fewest = (): number => Math.min(...counts.slice(from, to));
      const timer = setTimeout(() => {
        waiting = null;
        reject(new Error(`broadcasts: the slowest of ${to - from} receivers has ${fewest()} of ${total} after ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        waiting = null;
        if (error === undefined) resolve();
        else reject(error);
      };
      waiting = {
        check: () => {
          if (lost.length > 0) finish(new Error(`sockets lost: ${lost.join(", ")}`));
          else if (outOfOrder.length > 0) finish(new Error(`broadcasts out of order: ${outOfOrder.slice(0, 3).join(", ")}`));
          else if (counts.slice(from, to).some((count) => count > total)) finish(new Error(`a receiver got more than the ${total} broadcasts sent`));
          else if (fewest() === total) finish();
        },
      };
      waiting.check();
    });
  try {
    // One at a time: a valgrind target is slow, and a burst of handshakes would only time out.
    for (let i = 0; i < options.subscribers; i++) await connect(i, benchFanOutChannel.name);
    const publisherIndex = options.subscribers;
    const publisher = await connect(publisherIndex, `bench.user.${benchToken(publisherIndex)}`);
    const pad = payloadOf(PAYLOAD_BYTES, 0, 0).pad;
    return {
      targetedUserId: benchToken(publisherIndex),
      received: (total) => receivedBy(0, options.subscribers, total),
      targetedReceived: (total) => receivedBy(publisherIndex, publisherIndex + 1, total),
      publish: (step) => request(publisher, events.publish, { channel: benchInboundChannel.name, payload: { dueAt: 0, step, pad } }, options.timeoutMs),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
