import { sleep, waitFor } from "../clock";
import { ZPublishReport, ZStepReport } from "../ipc/driver-commands";
import { ZPublished } from "../ipc/server-commands";
import { LatencyHistogram } from "../stats/latency-histogram";
import type { Fleet } from "./fleet";
import { summarizeStep } from "./step-result";
import type { StepResult } from "./step-result";

const COMMAND_TIMEOUT_MS = 30_000;
/** After publishing stops, how long deliveries may keep arriving with no progress before the rest counts as lost. */
const DRAIN_STALL_MS = 2_000;
const DRAIN_MAX_MS = 15_000;
/** A step publishes at least this many messages (big rooms at low message rates), up to 3x its duration. */
const MIN_MESSAGES_PER_STEP = 8;

let nextStep = 1;

export interface DeliveryStep {
  readonly target: { readonly to: "fanout" } | { readonly to: "users"; readonly from: number; readonly count: number };
  /** Deliveries each published message makes (room size; 1 for a user channel). */
  readonly deliveriesPerMessage: number;
  readonly deliveriesPerSecond: number;
  readonly durationMs: number;
  readonly payloadBytes: number;
  /** The instance that publishes (the Redis scenario publishes on one and delivers from the other). */
  readonly publisher: number;
}

async function waitForClients(fleet: Fleet): Promise<string | undefined> {
  const ready = await waitFor(async () => (await fleet.clientStatus()).subscribed >= fleet.clients, 20_000, 200);
  if (ready) return undefined;
  const status = await fleet.clientStatus();
  return `only ${status.subscribed} of ${fleet.clients} clients subscribed`;
}

async function collect(fleet: Fleet): Promise<{ received: number; histogram: LatencyHistogram }> {
  const histogram = new LatencyHistogram();
  let received = 0;
  for (const driver of fleet.drivers) {
    const report = ZStepReport.parse(await driver.request({ kind: "step-report" }, COMMAND_TIMEOUT_MS));
    received += report.received;
    histogram.merge(report.buckets, report.maxMicros);
  }
  return { received, histogram };
}

async function drain(fleet: Fleet, expected: number): Promise<void> {
  const deadline = Date.now() + DRAIN_MAX_MS;
  let last = -1;
  let lastProgress = Date.now();
  while (Date.now() < deadline) {
    const { received } = await collect(fleet);
    if (received >= expected) return;
    if (received > last) {
      last = received;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > DRAIN_STALL_MS) {
      return;
    }
    await sleep(100);
  }
}

function notReady(offeredPerSecond: number, failure: string): StepResult {
  return {
    offeredPerSecond,
    achievedPerSecond: 0,
    p50Ms: Number.NaN,
    p95Ms: Number.NaN,
    p99Ms: Number.NaN,
    maxMs: Number.NaN,
    cpuMicrosPerDelivery: Number.NaN,
    clientCpuMicrosPerDelivery: Number.NaN,
    serverLoopDelayMaxMs: Number.NaN,
    lost: 0,
    passed: false,
    failure,
  };
}

/**
 * One server-published step: every driver starts counting a fresh step id,
 * the publisher sends at the rate for the duration, then deliveries drain
 * and are counted, and the servers' CPU over the whole step is read.
 *
 * @example
 * const result = await runDeliveryStep(fleet, { target: { to: "fanout" }, deliveriesPerMessage: 1_000, deliveriesPerSecond: 1e5, durationMs: 3_000, payloadBytes: 100, publisher: 0 });
 */
export async function runDeliveryStep(fleet: Fleet, step: DeliveryStep): Promise<StepResult> {
  const missing = await waitForClients(fleet);
  if (missing !== undefined) return notReady(step.deliveriesPerSecond, missing);
  const id = nextStep++;
  await Promise.all(fleet.drivers.map((driver) => driver.request({ kind: "begin-step", step: id }, COMMAND_TIMEOUT_MS)));
  const publisher = fleet.servers[step.publisher];
  if (publisher === undefined) throw new Error(`No server instance ${step.publisher}`);
  await Promise.all([fleet.serverCpu(), fleet.clientCpu()]);
  const messagesPerSecond = step.deliveriesPerSecond / step.deliveriesPerMessage;
  const durationMs = Math.round(Math.min(step.durationMs * 3, Math.max(step.durationMs, (MIN_MESSAGES_PER_STEP * 1000) / messagesPerSecond)));
  const command = {
    kind: "publish",
    target: step.target,
    messagesPerSecond,
    durationMs,
    payloadBytes: step.payloadBytes,
    step: id,
  };
  const published = ZPublished.parse(await publisher.request(command, durationMs * 4 + COMMAND_TIMEOUT_MS));
  const expected = published.sent * step.deliveriesPerMessage;
  await drain(fleet, expected);
  const [{ cpuMicros, loopDelayMaxMs }, clientCpuMicros] = await Promise.all([fleet.serverCpu(), fleet.clientCpu()]);
  const { received, histogram } = await collect(fleet);
  return summarizeStep({
    offeredPerSecond: step.deliveriesPerSecond,
    expected,
    received,
    elapsedMs: published.elapsedMs,
    cpuMicros,
    clientCpuMicros,
    loopDelayMaxMs,
    serverDeliveries: expected,
    histogram,
    errors: published.errors,
  });
}

export interface InboundStep {
  readonly messagesPerSecond: number;
  readonly durationMs: number;
  readonly payloadBytes: number;
  readonly ackTimeoutMs: number;
}

/**
 * One client-published step: every driver publishes its share of the rate,
 * spread over its connections, and measures each publish's ack round trip.
 *
 * @example
 * const result = await runInboundStep(fleet, { messagesPerSecond: 5_000, durationMs: 3_000, payloadBytes: 100, ackTimeoutMs: 5_000 });
 */
export async function runInboundStep(fleet: Fleet, step: InboundStep): Promise<StepResult> {
  const missing = await waitForClients(fleet);
  if (missing !== undefined) return notReady(step.messagesPerSecond, missing);
  const id = nextStep++;
  await Promise.all([fleet.serverCpu(), fleet.clientCpu()]);
  const share = step.messagesPerSecond / fleet.drivers.length;
  const command = { kind: "publish", messagesPerSecond: share, durationMs: step.durationMs, payloadBytes: step.payloadBytes, step: id, ackTimeoutMs: step.ackTimeoutMs };
  const reports = await Promise.all(
    fleet.drivers.map(async (driver) =>
      ZPublishReport.parse(await driver.request(command, step.durationMs * 4 + step.ackTimeoutMs + COMMAND_TIMEOUT_MS)),
    ),
  );
  const [{ cpuMicros, loopDelayMaxMs }, clientCpuMicros] = await Promise.all([fleet.serverCpu(), fleet.clientCpu()]);
  const histogram = new LatencyHistogram();
  reports.forEach((report) => histogram.merge(report.buckets, report.maxMicros));
  const sent = reports.reduce((sum, r) => sum + r.sent, 0);
  const acked = reports.reduce((sum, r) => sum + r.acked, 0);
  return summarizeStep({
    offeredPerSecond: step.messagesPerSecond,
    expected: sent,
    received: acked,
    elapsedMs: Math.max(...reports.map((r) => r.elapsedMs)),
    cpuMicros,
    clientCpuMicros,
    loopDelayMaxMs,
    serverDeliveries: sent,
    histogram,
    errors: 0,
  });
}
