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
 * publishes through gate 3. Every operation is awaited to its end (all
 * deliveries, or the ack) before the next starts, so each one meets the
 * server in the same state: no batching of writes, no queue behind it.
 */
export interface LockstepClients {
  /** Resolves once every subscriber has received the broadcast of `step`. */
  deliveriesOf(step: number): Promise<void>;
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
 * const delivered = clients.deliveriesOf(7); // then ask the server to broadcast step 7
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
  let waiting: { step: number; count: number; resolve(): void; reject(error: Error): void } | null = null;
  const onPayload = (payload: unknown): void => {
    if (waiting === null || stepOf(payload) !== waiting.step) return;
    if (++waiting.count === options.subscribers) waiting.resolve();
  };
  try {
    // One at a time: a valgrind target is slow, and a burst of handshakes would only time out.
    for (let i = 0; i < options.subscribers; i++) {
      const socket = await open(stack, url, i, options.timeoutMs);
      sockets.push(socket);
      socket.on("disconnect", (reason) => {
        lost.push(`u${i}: ${reason}`);
        waiting?.reject(new Error(`socket u${i} disconnected (${reason})`));
      });
      if (stack === "ours") socket.on(REALTIME_EVENTS.message, (message: { payload?: unknown }) => onPayload(message.payload));
      else socket.on(BASELINE_EVENTS.message, onPayload);
      await request(socket, events.subscribe, { channel: benchFanOutChannel.name }, options.timeoutMs);
    }
    const publisher = await open(stack, url, options.subscribers, options.timeoutMs);
    sockets.push(publisher);
    const pad = payloadOf(PAYLOAD_BYTES, 0, 0).pad;
    return {
      deliveriesOf: (step) =>
        new Promise<void>((resolve, reject) => {
          if (waiting !== null) return reject(new Error("one broadcast at a time"));
          if (lost.length > 0) return reject(new Error(`sockets lost: ${lost.join(", ")}`));
          const timer = setTimeout(() => {
            const got = waiting?.count ?? 0;
            waiting = null;
            reject(new Error(`broadcast ${step}: ${got} of ${options.subscribers} subscribers received it within ${options.timeoutMs} ms`));
          }, options.timeoutMs);
          waiting = {
            step,
            count: 0,
            resolve: () => {
              clearTimeout(timer);
              waiting = null;
              resolve();
            },
            reject: (error) => {
              clearTimeout(timer);
              waiting = null;
              reject(error);
            },
          };
        }),
      publish: (step) => request(publisher, events.publish, { channel: benchInboundChannel.name, payload: { dueAt: 0, step, pad } }, options.timeoutMs),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
