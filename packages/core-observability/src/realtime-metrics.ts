/** The auth checkpoint that turned a client away. */
type RealtimeGate = "connect" | "subscribe" | "inbound";

/**
 * What the realtime server reports. `template` is always the channel template
 * (`notifications.user.{userId}`), never a concrete channel name, so label
 * cardinality stays bounded by the number of channel definitions.
 */
export interface RealtimeMetrics {
  socketConnected(): void;
  socketDisconnected(): void;
  subscriptionAdded(template: string): void;
  subscriptionRemoved(template: string): void;
  /**
   * One broadcast: the channel template, how many sockets it reached, how long
   * the fan-out took, and who sent it (the source gate's `kind:name` label,
   * bounded by the allowlist; `unknown` when the caller does not say).
   */
  messageBroadcast(template: string, delivered: number, fanoutSeconds: number, source?: string): void;
  inboundMessage(template: string): void;
  authRejected(gate: RealtimeGate, code: string): void;
  inboundHandlerError(template: string): void;
  rateLimited(scope: "socket" | "user"): void;
  slowConsumerDisconnected(): void;
  /** Totals for dashboards: read by the admin live dashboard every second. */
  snapshot(): RealtimeMetricsSnapshot;
}

export interface RealtimeMetricsSnapshot {
  connectedSockets: number;
  subscriptionsByTemplate: Record<string, number>;
  messagesBroadcastTotal: number;
  messagesDeliveredTotal: number;
  /** Deliveries by broadcast source (`use-case:...`, `outbox-relay:relay`, `server-api:<key id>`, ...). */
  messagesDeliveredBySource: Record<string, number>;
  inboundMessagesTotal: number;
  authRejectionsTotal: number;
  authRejectionsByCode: Record<string, number>;
  inboundHandlerErrorsTotal: number;
  rateLimitedTotal: number;
  slowConsumerDisconnectsTotal: number;
}

/** A snapshot with every total at zero (fresh object each call, safe to mutate). */
export function zeroSnapshot(): RealtimeMetricsSnapshot {
  return {
    connectedSockets: 0,
    subscriptionsByTemplate: {},
    messagesBroadcastTotal: 0,
    messagesDeliveredTotal: 0,
    messagesDeliveredBySource: {},
    inboundMessagesTotal: 0,
    authRejectionsTotal: 0,
    authRejectionsByCode: {},
    inboundHandlerErrorsTotal: 0,
    rateLimitedTotal: 0,
    slowConsumerDisconnectsTotal: 0,
  };
}

/** Metrics that record nothing; `snapshot()` is all zeros. For tests and for apps without /metrics. */
export const noopRealtimeMetrics: RealtimeMetrics = Object.freeze({
  socketConnected: () => undefined,
  socketDisconnected: () => undefined,
  subscriptionAdded: () => undefined,
  subscriptionRemoved: () => undefined,
  messageBroadcast: () => undefined,
  inboundMessage: () => undefined,
  authRejected: () => undefined,
  inboundHandlerError: () => undefined,
  rateLimited: () => undefined,
  slowConsumerDisconnected: () => undefined,
  snapshot: zeroSnapshot,
});
