import type { LatencyHistogram } from "../stats/latency-histogram";

/** Latency bound a passing step stays under, at the 99th percentile. */
const P99_BOUND_MS = 100;

/** One measured step of one stack at one offered rate. */
export interface StepResult {
  /** Offered load: deliveries (or inbound messages) per second asked for. */
  readonly offeredPerSecond: number;
  /** What arrived, per second of publishing. */
  readonly achievedPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Server CPU (user + system, every instance) per delivery or message, in µs. */
  readonly cpuMicrosPerDelivery: number;
  /**
   * Load-driver CPU (every driver process: socket reads, packet and envelope parsing, acks) per
   * delivery or message, in µs: the share of the work that lands on clients. NaN when not measured.
   */
  readonly clientCpuMicrosPerDelivery: number;
  /** Longest event-loop stall of any server process during the step. */
  readonly serverLoopDelayMaxMs: number;
  /** Deliveries expected but not received (or publishes not acked ok). */
  readonly lost: number;
  readonly passed: boolean;
  /** Why a step failed, when it did. */
  readonly failure?: string;
}

export interface StepMeasurement {
  readonly offeredPerSecond: number;
  readonly expected: number;
  readonly received: number;
  readonly elapsedMs: number;
  readonly cpuMicros: number;
  /** CPU of every load driver over the step (absent: not measured). */
  readonly clientCpuMicros?: number;
  readonly loopDelayMaxMs: number;
  /** Deliveries the server performed (for CPU per delivery). */
  readonly serverDeliveries: number;
  readonly histogram: LatencyHistogram;
  readonly errors: number;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/**
 * Turns raw counts into a step's figures and verdict: passed means p99 under
 * {@link P99_BOUND_MS}, nothing lost and no broadcast error.
 *
 * @example
 * const result = summarizeStep({ offeredPerSecond: 1e5, expected: 3e5, received: 3e5, elapsedMs: 3_000, cpuMicros: 9e5, serverDeliveries: 3e5, histogram, errors: 0 });
 */
export function summarizeStep(m: StepMeasurement): StepResult {
  const lost = Math.max(0, m.expected - m.received);
  const p99Ms = m.histogram.percentile(0.99) / 1000;
  const failure =
    m.errors > 0 ? `${m.errors} broadcast errors` : lost > 0 ? `${lost} lost` : !(p99Ms < P99_BOUND_MS) ? `p99 ${p99Ms.toFixed(1)} ms` : undefined;
  return {
    offeredPerSecond: Math.round(m.offeredPerSecond),
    achievedPerSecond: Math.round(m.received / (m.elapsedMs / 1000)),
    p50Ms: round(m.histogram.percentile(0.5) / 1000, 2),
    p95Ms: round(m.histogram.percentile(0.95) / 1000, 2),
    p99Ms: round(p99Ms, 2),
    maxMs: round(m.histogram.max / 1000, 2),
    cpuMicrosPerDelivery: m.serverDeliveries === 0 ? Number.NaN : round(m.cpuMicros / m.serverDeliveries, 3),
    clientCpuMicrosPerDelivery:
      m.clientCpuMicros === undefined || m.serverDeliveries === 0 ? Number.NaN : round(m.clientCpuMicros / m.serverDeliveries, 3),
    serverLoopDelayMaxMs: round(m.loopDelayMaxMs, 1),
    lost,
    passed: failure === undefined,
    ...(failure === undefined ? {} : { failure }),
  };
}
