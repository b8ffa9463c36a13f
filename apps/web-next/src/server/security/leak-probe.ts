import { createHook } from "node:async_hooks";
import type { Server } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { SocketIORealtimeServer } from "@repo/core-realtime/server";

/**
 * What the fuzz and soak tests compare before and after: heap, live
 * handles (sockets, timers), listeners on long-lived emitters, and the
 * realtime server's own bookkeeping.
 */

function exposeGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing !== undefined) return existing;
  try {
    // Works without restarting node with --expose-gc: the flag applies to contexts created afterwards.
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch (error) {
    console.warn(`forced GC unavailable (${String(error)}): heap is measured after settling only`);
    return null;
  }
}

const forceGc = exposeGc();

/** Heap in use after a full collection (or, without one, after letting the event loop settle). */
export async function settledHeapUsed(): Promise<number> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    forceGc?.();
  }
  return process.memoryUsage().heapUsed;
}

/** Whether `settledHeapUsed` could force a full collection. */
export const gcForced = forceGc !== null;

export interface ResourceSnapshot {
  /** `process.getActiveResourcesInfo()` counted by type (`Timeout`, `TCPSocketWrap`, ...). */
  readonly handles: Readonly<Record<string, number>>;
  /** Listeners on the http server and on `process`, by emitter and event. */
  readonly listeners: Readonly<Record<string, number>>;
  readonly realtime: ReturnType<SocketIORealtimeServer["diagnostics"]>;
  readonly tcpConnections: number;
}

function countBy(items: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

function listenerCounts(httpServer: Server): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, emitter] of [["http", httpServer], ["process", process]] as const) {
    for (const event of emitter.eventNames()) counts[`${name}:${String(event)}`] = emitter.listenerCount(event);
  }
  return counts;
}

/**
 * One snapshot of everything that must return to baseline.
 *
 * @example
 * const before = await snapshotResources(server.httpServer, server.realtimeServer);
 */
export async function snapshotResources(httpServer: Server, realtime: SocketIORealtimeServer): Promise<ResourceSnapshot> {
  const tcpConnections = await new Promise<number>((resolve, reject) =>
    httpServer.getConnections((error, count) => (error === null ? resolve(count) : reject(error))),
  );
  return {
    handles: countBy(process.getActiveResourcesInfo()),
    listeners: listenerCounts(httpServer),
    realtime: realtime.diagnostics(),
    tcpConnections,
  };
}

export interface LiveResourceTracker {
  /** Resources created since `trackLiveResources()` and not yet destroyed, by async type (`Timeout`, `TCPWRAP`, ...). */
  live(): Readonly<Record<string, number>>;
  stop(): void;
}

const TRACKED_TYPES = new Set(["Timeout", "Immediate", "TCPWRAP", "HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST"]);

/**
 * Counts timers and sockets as they are created and destroyed, unref'd ones
 * included (`getActiveResourcesInfo` leaves those out, and the realtime
 * server's own intervals are unref'd). A per-socket timer that outlives its
 * socket shows up here as a count that does not come back down.
 *
 * @example
 * const tracker = trackLiveResources();
 * const before = tracker.live().Timeout;
 */
export function trackLiveResources(): LiveResourceTracker {
  const alive = new Map<number, string>();
  const hook = createHook({
    init(asyncId, type) {
      if (TRACKED_TYPES.has(type)) alive.set(asyncId, type);
    },
    destroy(asyncId) {
      alive.delete(asyncId);
    },
  });
  hook.enable();
  return {
    live: () => countBy([...alive.values()]),
    stop: () => hook.disable(),
  };
}
