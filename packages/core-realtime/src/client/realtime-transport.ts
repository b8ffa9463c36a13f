import type { RealtimeErrorBody } from "../protocol/errors";
import type { ForcedUnsubscribe, PresenceUpdate, RealtimeMessage, RealtimeMessageBatch, RealtimeStatusEvent } from "../protocol/wire-protocol";

/** What the client reacts to, independent of the wire library. */
export interface RealtimeTransportEvents {
  connect: () => void;
  /** `willRetry` is false only after `disconnect()` was called on purpose. */
  disconnect: (reason: string) => void;
  /** The server refused the handshake (a middleware error with a code) or the transport failed. */
  connectError: (error: RealtimeErrorBody) => void;
  message: (message: RealtimeMessage) => void;
  /** A coalescing channel's frame (`realtime:message-batch`); the client unpacks it into `message`s. */
  messageBatch: (batch: RealtimeMessageBatch) => void;
  status: (status: RealtimeStatusEvent) => void;
  unsubscribed: (notice: ForcedUnsubscribe) => void;
  presenceUpdate: (update: PresenceUpdate) => void;
}

export type RealtimeRequestEvent = "realtime:subscribe" | "realtime:unsubscribe" | "realtime:publish" | "realtime:presence";

/**
 * The client's only view of the wire. `socket-io-client.ts` implements it
 * with Socket.IO; the client logic in `realtime-client.ts` never imports a
 * vendor, so swapping transports is one new file.
 */
export interface RealtimeTransport {
  readonly connected: boolean;
  on<E extends keyof RealtimeTransportEvents>(event: E, listener: RealtimeTransportEvents[E]): void;
  /** Emit with an ack; rejects on timeout. */
  request(event: RealtimeRequestEvent, frame: object, timeoutMs: number): Promise<unknown>;
  /** Open (or re-open after a refusal); credentials are read again on every attempt. */
  connect(): void;
  /** Close on purpose; no automatic reconnect follows. */
  disconnect(): void;
}

export interface RealtimeTransportOptions {
  /** Server URL; default the page's origin. */
  readonly url?: string;
  readonly path?: string;
  /** Called before every connection attempt, so an expired token gets refreshed. */
  readonly getAuth: () => Promise<Readonly<Record<string, unknown>>>;
  readonly autoConnect?: boolean;
  /** Default `["websocket", "polling"]`: websocket first, long-polling kept as a fallback. */
  readonly transports?: readonly ("websocket" | "polling")[];
}
