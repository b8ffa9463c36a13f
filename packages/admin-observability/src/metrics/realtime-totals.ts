import type { TOutboxSample, TRejectionCount } from "../domain/metrics-sample";

/** The raw realtime counters and gauges of one instance at one moment. */
export interface RealtimeTotals {
  readonly connectedSockets: number;
  readonly subscriptionsByTemplate: Readonly<Record<string, number>>;
  readonly broadcastByTemplate: Readonly<Record<string, number>>;
  readonly deliveredByTemplate: Readonly<Record<string, number>>;
  /** Deliveries by broadcast source, then channel template (the delivery counter's `source` and `template` labels). */
  readonly deliveredBySourceAndTemplate: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly rejections: readonly TRejectionCount[];
  /** The outbox relay's gauges and counters (zeros without an outbox in this process). */
  readonly outbox: TOutboxSample;
}

/** Where the sampler reads realtime totals from (the prom-client registry in the app). */
export interface IRealtimeTotalsSource {
  read(): Promise<RealtimeTotals>;
}
