import { forkChild } from "../ipc/child-process";
import type { ChildHandle } from "../ipc/child-process";
import { ZConnected, ZDriverCpu, ZStatus } from "../ipc/driver-commands";
import { ZCpu, ZMemory, ZSockets, ZStarted } from "../ipc/server-commands";
import type { BenchStackOptions, RedisAdapterConfig, StackKind } from "../stacks/bench-stack";

const SERVER_ENTRY = new URL("../server-process.ts", import.meta.url);
const DRIVER_ENTRY = new URL("../load-driver.ts", import.meta.url);

/** Connections one driver process holds at most: keeps each driver's fd count and event loop modest. */
const MAX_CLIENTS_PER_DRIVER = 2_500;

const COMMAND_TIMEOUT_MS = 30_000;
/** A server's start includes tsx compiling both stacks in a fresh process: over 30 s at load 20+ on this shared machine. */
const START_TIMEOUT_MS = 180_000;

export interface FleetOptions {
  readonly kind: StackKind;
  /** Server instances; the Redis scenario runs two. */
  readonly instances: number;
  readonly redis?: RedisAdapterConfig;
  readonly unlimitedInbound?: boolean;
  readonly coalesce?: BenchStackOptions["coalesce"];
  /** Every child exits by itself after this long. */
  readonly maxLifetimeMs: number;
  /** Server processes write CPU profiles here (drivers never do). */
  readonly cpuProfileDir?: string;
}

export interface ClientPlan {
  readonly count: number;
  readonly subscribe: "fanout" | "own-user" | "none";
  /** Which instance the clients connect to. */
  readonly instance: number;
  readonly timeoutMs: number;
}

/**
 * One stack under test: its server process(es) and the load drivers
 * connected to them. Everything here runs on 127.0.0.1 and stops with
 * `stop()` (or by itself, at the children's max lifetime).
 *
 * @example
 * const fleet = await Fleet.launch({ kind: "ours", instances: 1, maxLifetimeMs: 600_000 });
 * await fleet.connectClients({ count: 1_000, subscribe: "fanout", instance: 0, timeoutMs: 60_000 });
 */
export class Fleet {
  readonly kind: StackKind;
  readonly servers: readonly ChildHandle[];
  readonly ports: readonly number[];
  readonly #drivers: ChildHandle[] = [];
  readonly #maxLifetimeMs: number;
  #clients = 0;

  private constructor(kind: StackKind, servers: ChildHandle[], ports: number[], maxLifetimeMs: number) {
    this.kind = kind;
    this.servers = servers;
    this.ports = ports;
    this.#maxLifetimeMs = maxLifetimeMs;
  }

  static async launch(options: FleetOptions): Promise<Fleet> {
    const servers = Array.from({ length: options.instances }, (_, i) =>
      forkChild(SERVER_ENTRY, {
        label: `${options.kind}-server-${i}`,
        maxLifetimeMs: options.maxLifetimeMs,
        exposeGc: true,
        ...(options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir }),
      }),
    );
    try {
      const ports: number[] = [];
      for (const server of servers) {
        const command = {
          kind: "start",
          stack: options.kind,
          ...(options.redis === undefined ? {} : { redis: options.redis }),
          unlimitedInbound: options.unlimitedInbound ?? false,
          ...(options.coalesce === undefined ? {} : { coalesce: options.coalesce }),
        };
        ports.push(ZStarted.parse(await server.request(command, START_TIMEOUT_MS)).port);
      }
      return new Fleet(options.kind, servers, ports, options.maxLifetimeMs);
    } catch (error) {
      await Promise.all(servers.map((server) => server.stop()));
      throw error;
    }
  }

  get drivers(): readonly ChildHandle[] {
    return this.#drivers;
  }

  get clients(): number {
    return this.#clients;
  }

  /** Opens `count` authenticated connections (users u0..u<count-1>) split over fresh driver processes. */
  async connectClients(plan: ClientPlan): Promise<void> {
    const port = this.ports[plan.instance];
    if (port === undefined) throw new Error(`No server instance ${plan.instance}`);
    const driverCount = Math.min(plan.count, Math.max(2, Math.ceil(plan.count / MAX_CLIENTS_PER_DRIVER)));
    const base = Math.floor(plan.count / driverCount);
    let from = this.#clients;
    const connecting: Promise<unknown>[] = [];
    for (let i = 0; i < driverCount; i++) {
      const count = base + (i < plan.count % driverCount ? 1 : 0);
      const driver = forkChild(DRIVER_ENTRY, { label: `${this.kind}-driver-${this.#drivers.length}`, maxLifetimeMs: this.#maxLifetimeMs });
      this.#drivers.push(driver);
      const command = {
        kind: "connect",
        stack: this.kind,
        url: `http://127.0.0.1:${port}`,
        from,
        count,
        subscribe: plan.subscribe,
        concurrency: 50,
        timeoutMs: plan.timeoutMs,
      };
      connecting.push(driver.request(command, plan.timeoutMs + 5_000).then((raw) => ZConnected.parse(raw)));
      from += count;
    }
    const results = (await Promise.all(connecting)) as { connected: number; subscribed: number }[];
    const subscribed = results.reduce((sum, r) => sum + r.subscribed, 0);
    this.#clients += plan.count;
    if (subscribed < plan.count) throw new Error(`${this.kind}: only ${subscribed} of ${plan.count} clients subscribed`);
  }

  /** Connections currently open and subscribed, over every driver. */
  async clientStatus(): Promise<{ connected: number; subscribed: number; reconnects: number }> {
    const all = await Promise.all(this.#drivers.map(async (d) => ZStatus.parse(await d.request({ kind: "status" }, COMMAND_TIMEOUT_MS))));
    return all.reduce((a, b) => ({ connected: a.connected + b.connected, subscribed: a.subscribed + b.subscribed, reconnects: a.reconnects + b.reconnects }), {
      connected: 0,
      subscribed: 0,
      reconnects: 0,
    });
  }

  /**
   * CPU (user + system, µs) every server process used since the previous
   * call, and the longest any of their event loops was blocked meanwhile.
   */
  /** CPU of every load driver since the previous call (the clients' side: reading, parsing, acking). */
  async clientCpu(): Promise<number> {
    const all = await Promise.all(this.drivers.map(async (d) => ZDriverCpu.parse(await d.request({ kind: "cpu" }, COMMAND_TIMEOUT_MS))));
    return all.reduce((sum, c) => sum + c.cpuMicros, 0);
  }

  async serverCpu(): Promise<{ cpuMicros: number; loopDelayMaxMs: number }> {
    const all = await Promise.all(this.servers.map(async (s) => ZCpu.parse(await s.request({ kind: "cpu" }, COMMAND_TIMEOUT_MS))));
    return { cpuMicros: all.reduce((sum, c) => sum + c.cpuMicros, 0), loopDelayMaxMs: Math.max(0, ...all.map((c) => c.loopDelayMaxMs)) };
  }

  async serverMemory(instance = 0): Promise<{ rss: number; heapUsed: number; external: number }> {
    const server = this.servers[instance];
    if (server === undefined) throw new Error(`No server instance ${instance}`);
    return ZMemory.parse(await server.request({ kind: "memory" }, COMMAND_TIMEOUT_MS));
  }

  async serverSockets(instance = 0): Promise<number> {
    const server = this.servers[instance];
    if (server === undefined) throw new Error(`No server instance ${instance}`);
    return ZSockets.parse(await server.request({ kind: "sockets" }, COMMAND_TIMEOUT_MS)).connected;
  }

  /** Drivers first (their sockets close client-side), then the servers. */
  async stop(): Promise<void> {
    await Promise.all(this.#drivers.map((driver) => driver.stop()));
    await Promise.all(this.servers.map((server) => server.stop()));
  }
}
