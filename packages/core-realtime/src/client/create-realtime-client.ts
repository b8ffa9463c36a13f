import { RealtimeClient } from "./realtime-client";
import type { PositionStore } from "./position-store";
import { createSocketIOTransport } from "../socket-io-client";
import { REALTIME_PROTOCOL_VERSION } from "../protocol/wire-protocol";

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
  /** How many applied message ids are remembered to drop redeliveries; default 5000. */
  readonly appliedMessageIds?: number;
  /**
   * The protocol version sent as `auth.version`; default `REALTIME_PROTOCOL_VERSION`. A page passes the
   * version its server announced at request time, so a reload after a `VERSION_MISMATCH` speaks the new one.
   */
  readonly protocolVersion?: string;
}

/**
 * @example
 * const client = createRealtimeClient({ getToken: () => localStorage.getItem("token") ?? undefined });
 * const stop = client.subscribe(articlesFeedChannel, {}, (article) => prepend(article));
 */
export function createRealtimeClient(options: CreateRealtimeClientOptions = {}): RealtimeClient {
  const getToken = options.getToken;
  const version = options.protocolVersion ?? REALTIME_PROTOCOL_VERSION;
  const transport = createSocketIOTransport({
    url: options.url,
    path: options.path,
    transports: options.transports,
    autoConnect: options.autoConnect,
    getAuth: async () => {
      const token = getToken === undefined ? undefined : await getToken();
      return token === undefined ? { version } : { version, token };
    },
  });
  return new RealtimeClient({
    transport,
    positionStore: options.positionStore,
    requestTimeoutMs: options.requestTimeoutMs,
    gapTimeoutMs: options.gapTimeoutMs,
    retryDelayMs: options.retryDelayMs,
    appliedMessageIds: options.appliedMessageIds,
    protocolVersion: version,
  });
}

