import { Counter, Gauge, Histogram } from "prom-client";
import type { Registry } from "prom-client";
import { zeroSnapshot } from "./realtime-metrics";
import type { RealtimeMetrics } from "./realtime-metrics";

/** Fan-out of one broadcast is in-process work: 100 µs to 100 ms covers healthy to alarming. */
export const FANOUT_SECONDS_BUCKETS: readonly number[] = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
];

type TemplateLabel = "template";

// prom-client children bound to one template, so the per-broadcast path does
// a Map lookup instead of hashing a label object on every call.
interface TemplateSeries {
  subscriptions: Gauge.Internal<TemplateLabel>;
  broadcast: Counter.Internal;
  delivered: Counter.Internal;
  fanout: Histogram.Internal<TemplateLabel>;
  inbound: Counter.Internal;
  handlerErrors: Counter.Internal;
}

/**
 * Realtime metrics registered on `registry` (`realtime_*` series), with plain
 * number mirrors so `snapshot()` never walks the registry. Call once per
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
  });
  const delivered = new Counter({
    name: "realtime_messages_delivered_total",
    help: "Messages delivered to sockets (one per socket reached) by channel template.",
    labelNames: ["template"],
    registers,
  });
  const inbound = new Counter({
    name: "realtime_inbound_messages_total",
    help: "Client-to-server messages by channel template.",
    labelNames: ["template"],
    registers,
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
  const seriesByTemplate = new Map<string, TemplateSeries>();

  const seriesFor = (template: string): TemplateSeries => {
    let series = seriesByTemplate.get(template);
    if (series === undefined) {
      const labels = { template };
      series = {
        subscriptions: subscriptions.labels(labels),
        broadcast: broadcast.labels(labels),
        delivered: delivered.labels(labels),
        fanout: fanout.labels(labels),
        inbound: inbound.labels(labels),
        handlerErrors: handlerErrors.labels(labels),
      };
      seriesByTemplate.set(template, series);
    }
    return series;
  };

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
    messageBroadcast(template, deliveredCount, fanoutSeconds) {
      const series = seriesFor(template);
      totals.messagesBroadcastTotal += 1;
      totals.messagesDeliveredTotal += deliveredCount;
      series.broadcast.inc();
      series.delivered.inc(deliveredCount);
      series.fanout.observe(fanoutSeconds);
    },
    inboundMessage(template) {
      totals.inboundMessagesTotal += 1;
      seriesFor(template).inbound.inc();
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
      };
    },
  };
}

