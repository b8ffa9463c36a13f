import { Counter, Gauge, Histogram } from "prom-client";
import type { Registry } from "prom-client";
import { zeroSnapshot } from "./realtime-metrics";
import type { RealtimeMetrics } from "./realtime-metrics";

/** Fan-out of one broadcast is in-process work: 100 µs to 100 ms covers healthy to alarming. */
const FANOUT_SECONDS_BUCKETS: readonly number[] = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
];

type TemplateLabel = "template";

// One template's series. prom-client's labelled children still hash and validate their labels on
// every call, so the per-message counters are plain numbers here, added to prom-client when it
// is read (each counter's `collect`, run by every scrape and `get()`): exact at every read, one
// hash per template per scrape instead of one per message.
interface TemplateSeries {
  subscriptions: Gauge.Internal<TemplateLabel>;
  broadcast: Counter.Internal;
  /** Deliveries by broadcast source (the source gate's `kind:name`): its labelled child and what it has not been given yet. */
  deliveredBySource: Map<string, { readonly child: Counter.Internal; pending: number }>;
  fanout: Histogram.Internal<TemplateLabel>;
  inbound: Counter.Internal;
  handlerErrors: Counter.Internal;
  /** Not yet added to `broadcast`, `delivered`, `inbound`. */
  pendingBroadcasts: number;
  pendingInbound: number;
}

/**
 * Realtime metrics registered on `registry` (`realtime_*` series), with plain
 * number mirrors so `snapshot()` never walks the registry. The per-message
 * counters are kept as numbers and handed to prom-client when it is read. Call once per
 * registry: prom-client refuses a second registration of the same names.
 *
 * @example
 * const metrics = createRealtimeMetrics(registry);
 * metrics.messageBroadcast("polls.{pollId}", sockets.size, elapsedSeconds);
 */
export function createRealtimeMetrics(registry: Registry): RealtimeMetrics {
  const registers = [registry];
  const connectedSockets = new Gauge({ name: "realtime_connected_sockets", help: "Open realtime sockets.", registers });
  const subscriptions = new Gauge({
    name: "realtime_subscriptions",
    help: "Active channel subscriptions by channel template.",
    labelNames: ["template"],
    registers,
  });
  const broadcast = new Counter({
    name: "realtime_messages_broadcast_total",
    help: "Broadcasts by channel template.",
    labelNames: ["template"],
    registers,
    collect: () => flushPending(),
  });
  const delivered = new Counter({
    name: "realtime_messages_delivered_total",
    help: "Messages delivered to sockets (one per socket reached) by channel template and broadcast source (kind:name).",
    labelNames: ["template", "source"],
    registers,
    collect: () => flushPending(),
  });
  const inbound = new Counter({
    name: "realtime_inbound_messages_total",
    help: "Client-to-server messages by channel template.",
    labelNames: ["template"],
    registers,
    collect: () => flushPending(),
  });
  const authRejections = new Counter({
    name: "realtime_auth_rejections_total",
    help: "Requests refused by an auth gate, by gate and error code.",
    labelNames: ["gate", "code"],
    registers,
  });
  const handlerErrors = new Counter({
    name: "realtime_inbound_handler_errors_total",
    help: "Inbound handlers that threw, by channel template.",
    labelNames: ["template"],
    registers,
  });
  const rateLimited = new Counter({
    name: "realtime_rate_limited_total",
    help: "Messages refused by a rate limit, by scope.",
    labelNames: ["scope"],
    registers,
  });
  const slowConsumers = new Counter({
    name: "realtime_slow_consumer_disconnects_total",
    help: "Sockets disconnected because their send buffer kept growing.",
    registers,
  });
  const fanout = new Histogram({
    name: "realtime_broadcast_fanout_seconds",
    help: "Time to fan one broadcast out to its sockets, by channel template.",
    labelNames: ["template"],
    buckets: [...FANOUT_SECONDS_BUCKETS],
    registers,
  });

  const totals = zeroSnapshot();
  const subscriptionCounts = new Map<string, number>();
  const rejectionCounts = new Map<string, number>();
  const deliveredBySource = new Map<string, number>();
  const seriesByTemplate = new Map<string, TemplateSeries>();

  const seriesFor = (template: string): TemplateSeries => {
    let series = seriesByTemplate.get(template);
    if (series === undefined) {
      const labels = { template };
      series = {
        subscriptions: subscriptions.labels(labels),
        broadcast: broadcast.labels(labels),
        deliveredBySource: new Map(),
        fanout: fanout.labels(labels),
        inbound: inbound.labels(labels),
        handlerErrors: handlerErrors.labels(labels),
        pendingBroadcasts: 0,
        pendingInbound: 0,
      };
      seriesByTemplate.set(template, series);
    }
    return series;
  };

  // Hoisted: the counters' `collect` above refers to it; it runs only when prom-client is read.
  function flushPending(): void {
    for (const series of seriesByTemplate.values()) {
      if (series.pendingBroadcasts > 0) series.broadcast.inc(series.pendingBroadcasts);
      // inc(0) too: a template that broadcast to nobody still shows its delivered series, at 0.
      if (series.pendingBroadcasts > 0) {
        for (const bySource of series.deliveredBySource.values()) {
          bySource.child.inc(bySource.pending);
          bySource.pending = 0;
        }
      }
      if (series.pendingInbound > 0) series.inbound.inc(series.pendingInbound);
      series.pendingBroadcasts = 0;
      series.pendingInbound = 0;
    }
  }

  const addSubscriptions = (template: string, delta: number): void => {
    subscriptionCounts.set(template, (subscriptionCounts.get(template) ?? 0) + delta);
    seriesFor(template).subscriptions.inc(delta);
  };

  return {
    socketConnected() {
      totals.connectedSockets += 1;
      connectedSockets.inc();
    },
    socketDisconnected() {
      totals.connectedSockets -= 1;
      connectedSockets.dec();
    },
    subscriptionAdded: (template) => addSubscriptions(template, 1),
    subscriptionRemoved: (template) => addSubscriptions(template, -1),
    messageBroadcast(template, deliveredCount, fanoutSeconds, source = "unknown") {
      const series = seriesFor(template);
      totals.messagesBroadcastTotal += 1;
      totals.messagesDeliveredTotal += deliveredCount;
      deliveredBySource.set(source, (deliveredBySource.get(source) ?? 0) + deliveredCount);
      series.pendingBroadcasts += 1;
      let bySource = series.deliveredBySource.get(source);
      if (bySource === undefined) {
        bySource = { child: delivered.labels({ template, source }), pending: 0 };
        series.deliveredBySource.set(source, bySource);
      }
      bySource.pending += deliveredCount;
      series.fanout.observe(fanoutSeconds);
    },
    inboundMessage(template) {
      totals.inboundMessagesTotal += 1;
      seriesFor(template).pendingInbound += 1;
    },
    authRejected(gate, code) {
      totals.authRejectionsTotal += 1;
      rejectionCounts.set(code, (rejectionCounts.get(code) ?? 0) + 1);
      authRejections.inc({ gate, code });
    },
    inboundHandlerError(template) {
      totals.inboundHandlerErrorsTotal += 1;
      seriesFor(template).handlerErrors.inc();
    },
    rateLimited(scope) {
      totals.rateLimitedTotal += 1;
      rateLimited.inc({ scope });
    },
    slowConsumerDisconnected() {
      totals.slowConsumerDisconnectsTotal += 1;
      slowConsumers.inc();
    },
    snapshot() {
      return {
        ...totals,
        subscriptionsByTemplate: Object.fromEntries(subscriptionCounts),
        authRejectionsByCode: Object.fromEntries(rejectionCounts),
        messagesDeliveredBySource: Object.fromEntries(deliveredBySource),
      };
    },
  };
}

