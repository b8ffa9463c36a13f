import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import { benchToken } from "./bench-authenticator";
import { benchInboundChannel, payloadOf } from "./bench-channels";
import { nowMs, waitFor } from "./clock";
import { ZDriverCommand } from "./ipc/driver-commands";
import type { TDriverCommand } from "./ipc/driver-commands";
import { serveParent } from "./ipc/serve-parent";
import { runPaced } from "./paced-loop";
import { BASELINE_EVENTS } from "./stacks/baseline-stack";
import { LatencyHistogram } from "./stats/latency-histogram";

/*
 * A load driver: one process holding a slice of the benchmark's client
 * connections (real socket.io-client over WebSocket), recording delivery or
 * ack latency into a histogram the orchestrator merges.
 */

type Connect = Extract<TDriverCommand, { kind: "connect" }>;
type Publish = Extract<TDriverCommand, { kind: "publish" }>;

interface AckReply {
  readonly ok?: unknown;
}

const clients: Socket[] = [];
const subscribed = new Set<Socket>();
const histogram = new LatencyHistogram();
let stack: Connect["stack"] = "ours";
let step = -1;
let received = 0;
let stale = 0;
let reconnects = 0;
let cpuMark = process.cpuUsage();

/** Called for every delivered payload; kept cheap (no zod) because it is the driver's own hot path. */
function onPayload(payload: unknown): void {
  if (typeof payload !== "object" || payload === null) return void stale++;
  const { dueAt, step: messageStep } = payload as { dueAt?: unknown; step?: unknown };
  if (typeof dueAt !== "number" || messageStep !== step) return void stale++;
  received++;
  histogram.record((nowMs() - dueAt) * 1000);
}

function subscribeEvent(): string {
  return stack === "ours" ? REALTIME_EVENTS.subscribe : BASELINE_EVENTS.subscribe;
}

function subscribe(socket: Socket, channel: string | null): void {
  if (channel === null) return void subscribed.add(socket);
  socket.timeout(30_000).emit(subscribeEvent(), { channel }, (error: Error | null, ack: AckReply | undefined) => {
    if (error === null && ack?.ok === true) subscribed.add(socket);
    else console.error(`bench driver: subscribe to ${channel} failed: ${error?.message ?? JSON.stringify(ack)}`);
  });
}

function openClient(command: Connect, index: number): Promise<void> {
  const token = benchToken(index);
  const channel = command.subscribe === "fanout" ? "bench.fanout" : command.subscribe === "own-user" ? `bench.user.${token}` : null;
  const socket = io(command.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2_000,
    timeout: command.timeoutMs,
    auth: command.stack === "ours" ? { version: REALTIME_PROTOCOL_VERSION, token } : { token },
  });
  clients.push(socket);
  if (command.stack === "ours") socket.on(REALTIME_EVENTS.message, (message: { payload?: unknown }) => onPayload(message.payload));
  // Scenario 6's coalesced frames: every message in it counts, as the SDK would unpack them.
  if (command.stack === "ours") socket.on(REALTIME_EVENTS.messageBatch, (batch: { messages: { payload?: unknown }[] }) => batch.messages.forEach((m) => onPayload(m.payload)));
  else socket.on(BASELINE_EVENTS.message, onPayload);
  let connectedOnce = false;
  socket.on("connect", () => {
    if (connectedOnce) reconnects++;
    connectedOnce = true;
    subscribe(socket, channel);
  });
  socket.on("disconnect", (reason) => {
    subscribed.delete(socket);
    // A server-side disconnect (slow consumer) is not retried by socket.io-client itself.
    if (reason === "io server disconnect") socket.connect();
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(new Error(`connect ${token}: ${error.message}`)));
  });
}

async function connect(command: Connect): Promise<unknown> {
  if (clients.length > 0) throw new Error("Driver already connected");
  stack = command.stack;
  let next = command.from;
  const end = command.from + command.count;
  const worker = async (): Promise<void> => {
    while (next < end) await openClient(command, next++);
  };
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.count) }, worker));
  await waitFor(() => subscribed.size >= clients.length, command.timeoutMs);
  return status();
}

function status(): { connected: number; subscribed: number; reconnects: number } {
  return { connected: clients.filter((socket) => socket.connected).length, subscribed: subscribed.size, reconnects };
}

async function publish(command: Publish): Promise<unknown> {
  if (clients.length === 0) throw new Error("Driver not connected");
  histogram.reset();
  const pad = payloadOf(command.payloadBytes, command.step, 0).pad;
  const event = stack === "ours" ? REALTIME_EVENTS.publish : BASELINE_EVENTS.publish;
  let acked = 0;
  let failed = 0;
  const run = await runPaced(command.messagesPerSecond, command.durationMs, (index, dueAt) => {
    const socket = clients[index % clients.length] as Socket;
    const frame = { channel: benchInboundChannel.name, payload: { dueAt, step: command.step, pad } };
    socket.timeout(command.ackTimeoutMs).emit(event, frame, (error: Error | null, ack: AckReply | undefined) => {
      if (error !== null || ack?.ok !== true) return void failed++;
      acked++;
      histogram.record((nowMs() - dueAt) * 1000);
    });
  });
  await waitFor(() => acked + failed >= run.sent, command.ackTimeoutMs + 1_000);
  return { ...run, acked, failed, buckets: histogram.toBuckets(), maxMicros: histogram.max };
}

async function handle(command: TDriverCommand): Promise<unknown> {
  switch (command.kind) {
    case "connect":
      return connect(command);
    case "begin-step":
      step = command.step;
      received = 0;
      stale = 0;
      histogram.reset();
      return {};
    case "step-report":
      return { received, stale, buckets: histogram.toBuckets(), maxMicros: histogram.max };
    case "status":
      return status();
    case "cpu": {
      const used = process.cpuUsage(cpuMark);
      cpuMark = process.cpuUsage();
      return { cpuMicros: used.user + used.system };
    }
    case "publish":
      return publish(command);
  }
}

serveParent(
  async (raw) => handle(ZDriverCommand.parse(raw)),
  async () => {
    clients.forEach((socket) => socket.disconnect());
  },
);
