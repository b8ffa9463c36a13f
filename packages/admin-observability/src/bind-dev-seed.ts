import type { BindContext, FeatureModule } from "@repo/core-di";
import { wireAdminObservability } from "./bind-production";
import type { AdminObservabilityOptions } from "./di/admin-observability-options";
import { adminObservabilityStarted } from "./events/admin-observability-started.event";
import type { AdminObservabilityRouter } from "./trpc/router";

/**
 * The production wiring (`wireAdminObservability`, the body of
 * `bindProductionAdminObservability`), then, once the first sample is taken,
 * one `admin.observability-started` event through the real bus, so the chart
 * has a point and the event log a row on first start.
 *
 * @example
 * const admin = await bindDevSeedAdminObservability(ctx);
 */
export async function bindDevSeedAdminObservability(
  ctx: BindContext,
  options: AdminObservabilityOptions = {},
): Promise<FeatureModule<AdminObservabilityRouter>> {
  const { module, firstSample, sampleIntervalMs } = wireAdminObservability(ctx, options);
  // Dev-only bindings and channels go above these anchors; the generators write the production
  // ones into bind-production.ts, which this file runs first.
  // @anchor:bindings

  // @anchor:realtime-handlers

  await firstSample;
  await ctx.bus.publish(adminObservabilityStarted, { sampleIntervalMs });
  return module;
}
