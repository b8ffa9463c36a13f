/**
 * `@repo/core-realtime/client`: everything a browser or Node client needs,
 * and nothing that pulls server code into a bundle.
 */
import { RealtimeClient } from "./realtime-client";
import type { PositionStore } from "./position-store";
import { createSocketIOTransport } from "./socket-io-client";
import { REALTIME_PROTOCOL_VERSION } from "./wire-protocol";

export interface CreateRealtimeClientOptions {
  /** Server URL; default the page's own origin (cookies then authenticate the browser). */
  readonly url?: string;
  readonly path?: string;
  /** Read before every connection attempt: return a fresh token when the old one expired. */
  readonly getToken?: () => string | undefined | Promise<string | undefined>;
  readonly autoConnect?: boolean;
  readonly transports?: readonly ("websocket" | "polling")[];
  /** Last seen `seq` per channel; default sessionStorage in a browser (survives reloads). */
  readonly positionStore?: PositionStore;
  readonly requestTimeoutMs?: number;
  readonly gapTimeoutMs?: number;
  readonly retryDelayMs?: number;
}

/**
 * @example
 * const client = createRealtimeClient({ getToken: () => localStorage.getItem("token") ?? undefined });
 * const stop = client.subscribe(articlesFeedChannel, {}, (article) => prepend(article));
 */
export function createRealtimeClient(options: CreateRealtimeClientOptions = {}): RealtimeClient {
  const getToken = options.getToken;
  const transport = createSocketIOTransport({
    url: options.url,
    path: options.path,
    transports: options.transports,
    autoConnect: options.autoConnect,
    getAuth: async () => {
      const token = getToken === undefined ? undefined : await getToken();
      return token === undefined ? { version: REALTIME_PROTOCOL_VERSION } : { version: REALTIME_PROTOCOL_VERSION, token };
    },
  });
  return new RealtimeClient({
    transport,
    positionStore: options.positionStore,
    requestTimeoutMs: options.requestTimeoutMs,
    gapTimeoutMs: options.gapTimeoutMs,
    retryDelayMs: options.retryDelayMs,
  });
}

export { RealtimeClient } from "./realtime-client";
export type { RealtimeConnectionStatus, SubscribeOptions } from "./realtime-client";
export { memoryPositionStore, storagePositionStore } from "./position-store";
export type { PositionStore } from "./position-store";
export type { SequencePosition } from "./channel-sequence-tracker";
export { RealtimeError } from "./errors";
export type { RealtimeErrorBody } from "./errors";
export { REALTIME_PROTOCOL_VERSION } from "./wire-protocol";
export type { PresenceMember, PresenceUpdate, RealtimeMessage } from "./wire-protocol";
export { PresenceRoster } from "./presence-roster";
