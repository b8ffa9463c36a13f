import { Counter } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetricsRegistry, renderMetrics } from "./metrics-registry";

describe("createMetricsRegistry + renderMetrics", () => {
  it("renders Node process metrics, unprefixed, in Prometheus text format", async () => {
    const { contentType, body } = await renderMetrics(createMetricsRegistry());
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toMatch(/^# HELP process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });

  it("keeps registries independent", async () => {
    const first = createMetricsRegistry();
    const second = createMetricsRegistry();
    new Counter({ name: "only_in_first_total", help: "x", registers: [first] }).inc(3);
    expect((await renderMetrics(first)).body).toMatch(/^only_in_first_total 3$/m);
    expect((await renderMetrics(second)).body).not.toContain("only_in_first_total");
  });
});
