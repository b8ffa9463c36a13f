import { createContainer, realtimeFor, traceConsumer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindRealtimeBridge } from "@repo/core-realtime/server";
import { adminObservabilityFeatureModule, ADMIN_OBSERVABILITY_FEATURE_NAME } from "./di/admin-observability-feature-module";
import { resolveAdminObservabilityOptions } from "./di/admin-observability-options";
import type { AdminObservabilityOptions } from "./di/admin-observability-options";
import { bindAdminObservabilityServices } from "./di/bind-admin-observability-services";
import { AdminObservabilitySymbols } from "./di/symbols";
import { onAdminActivity } from "./events/handlers/on-admin-activity.handler";
import { startMetricsSampler } from "./metrics/start-metrics-sampler";
import { ADMIN_ACTIVITY_EVENTS } from "./realtime/admin-activity-events";
import { adminActivityBridgeEntries } from "./realtime/admin-activity.mapping";
import { adminObservabilityChannel } from "./realtime/admin-observability.channel";
import type { AdminObservabilityRouter } from "./trpc/router";

/** The subscriber name of the activity log in bus logs and metrics. */
const ACTIVITY_LOG_SUBSCRIBER = "adminObservability.activity-log";

/** The production wiring, with what the dev seed waits for before it seeds. */
export interface AdminObservabilityWiring {
  readonly module: FeatureModule<AdminObservabilityRouter>;
  /** Resolves when the sampler's first sample has been taken (or failed). */
  readonly firstSample: Promise<void>;
  readonly sampleIntervalMs: number;
}

/**
 * Wires the live admin dashboard: the admin-only `admin.observability`
 * channel, fed by the realtime bridge (allowlisted bus events and job
 * traffic) and by a sampler that reads the realtime metrics from
 * `ctx.metricsRegistry` every `sampleIntervalMs` (default 1 s). `close()`
 * stops the sampler and every subscription.
 *
 * @example
 * const admin = bindProductionAdminObservability(ctx, { sampleIntervalMs: 1000 });
 * await admin.container.get(AdminObservabilitySymbols.getDashboardSnapshot)();
 */
export function bindProductionAdminObservability(
  ctx: BindContext,
  options: AdminObservabilityOptions = {},
): FeatureModule<AdminObservabilityRouter> {
  return wireAdminObservability(ctx, options).module;
}

/**
 * `bindProductionAdminObservability`'s one body, also run by the dev seed, which needs the
 * sampler's first sample before it seeds.
 *
 * @example
 * const { module, firstSample } = wireAdminObservability(ctx);
 * await firstSample;
 */
export function wireAdminObservability(ctx: BindContext, options: AdminObservabilityOptions = {}): AdminObservabilityWiring {
  const settings = resolveAdminObservabilityOptions(options);
  const container = createContainer(ADMIN_OBSERVABILITY_FEATURE_NAME);
  bindAdminObservabilityServices(container, ctx, settings);
  // @anchor:bindings
  const recordActivity = container.get(AdminObservabilitySymbols.recordActivity);
  const stops = [
    ...ADMIN_ACTIVITY_EVENTS.map((event) =>
      ctx.bus.subscribe(event, traceConsumer(ctx, ACTIVITY_LOG_SUBSCRIBER, onAdminActivity(event.name, { recordActivity })), {
        name: ACTIVITY_LOG_SUBSCRIBER,
      }),
    ),
    bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "admin-observability" }), adminActivityBridgeEntries(ADMIN_ACTIVITY_EVENTS)),
  ];

  ctx.realtimeRegistry.registerChannel(adminObservabilityChannel);
  // @anchor:realtime-handlers

  const sampler = startMetricsSampler({
    intervalMs: settings.sampleIntervalMs,
    sample: container.get(AdminObservabilitySymbols.sampleRealtimeMetrics),
    logger: ctx.logger,
  });
  return {
    module: adminObservabilityFeatureModule(container, [...stops, sampler.stop]),
    firstSample: sampler.started,
    sampleIntervalMs: settings.sampleIntervalMs,
  };
}
