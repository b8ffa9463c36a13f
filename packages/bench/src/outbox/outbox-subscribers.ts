import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import { benchToken } from "../bench-authenticator";
import { ZBenchPayload } from "../bench-channels";
import { nowMs } from "../clock";

/** One received message: which writer's channel, its sequence number and when it arrived. */
export interface Receipt {
  readonly writer: number;
  readonly n: number;
  readonly sentAt: number;
  readonly receivedAt: number;
}

/** One real socket per writer, each subscribed to that writer's channel (`bench.user.u<writer>`). */
export interface OutboxSubscribers {
  /** Everything received since the last `reset`, in arrival order per socket. */
  readonly receipts: readonly Receipt[];
  /** Disconnects since the last `reset` (a loaded machine can miss heartbeats); each socket reconnects and subscribes again. */
  readonly disconnects: number;
  reset(): void;
  close(): void;
}

/**
 * Connects `writers` socket.io clients to our server (the wire protocol's
 * auth, one user each) and subscribes each to its own channel; resolves once
 * every subscription is acknowledged.
 *
 * @example
 * const subscribers = await connectOutboxSubscribers(stack.port, 4);
 */
export async function connectOutboxSubscribers(port: number, writers: number): Promise<OutboxSubscribers> {
  let receipts: Receipt[] = [];
  let disconnects = 0;
  const sockets: Socket[] = [];
  const open = async (writer: number): Promise<void> => {
    const token = benchToken(writer);
    const socket = io(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true, reconnectionDelay: 100, auth: { version: REALTIME_PROTOCOL_VERSION, token } });
    sockets.push(socket);
    const channel = `bench.user.${token}`;
    const subscribe = async (): Promise<void> => {
      const ack: unknown = await socket.timeout(30_000).emitWithAck(REALTIME_EVENTS.subscribe, { channel });
      if (typeof ack !== "object" || ack === null || !("ok" in ack) || ack.ok !== true) throw new Error(`outbox bench: subscribe ${token} refused: ${JSON.stringify(ack)}`);
    };
    socket.on("disconnect", (reason) => {
      disconnects++;
      // A server-side disconnect is not retried by socket.io-client itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on(REALTIME_EVENTS.message, (message: { payload?: unknown }) => {
      const receivedAt = nowMs();
      const payload = ZBenchPayload.parse(message.payload);
      receipts.push({ writer, n: payload.step, sentAt: payload.dueAt, receivedAt });
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(new Error(`outbox bench: connect ${token}: ${error.message}`)));
    });
    await subscribe();
    // Later connects are reconnects: subscribe again (what is published meanwhile counts as lost).
    socket.on("connect", () => {
      subscribe().catch((error: unknown) => console.error(String(error)));
    });
  };
  try {
    await Promise.all(Array.from({ length: writers }, (_, writer) => open(writer)));
  } catch (error) {
    for (const socket of sockets) socket.disconnect();
    throw error;
  }
  return {
    get receipts() {
      return receipts;
    },
    get disconnects() {
      return disconnects;
    },
    reset: () => {
      receipts = [];
      disconnects = 0;
    },
    close: () => {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
