import { Registry, collectDefaultMetrics } from "prom-client";

/**
 * A fresh Prometheus registry with Node's process metrics (CPU, memory, event
 * loop lag, GC) collected, unprefixed. One per process; pass it to
 * `createRealtimeMetrics` / `createEventMetrics` and serve it with `renderMetrics`.
 *
 * @example
 * const registry = createMetricsRegistry();
 * const realtimeMetrics = createRealtimeMetrics(registry);
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export interface RenderedMetrics {
  contentType: string;
  body: string;
}

/**
 * The registry in Prometheus text exposition format, ready for a `/metrics` response.
 *
 * @example
 * const { contentType, body } = await renderMetrics(registry);
 * res.writeHead(200, { "content-type": contentType }).end(body);
 */
export async function renderMetrics(registry: Registry): Promise<RenderedMetrics> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
