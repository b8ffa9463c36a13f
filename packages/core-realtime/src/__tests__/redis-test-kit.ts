import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { describe } from "vitest";

// core-testing has the app-wide kit, but it depends on this package: these few lines avoid a cycle.

export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** True when Redis answers PING; says so loudly when it does not. */
export async function probeRedis(url = TEST_REDIS_URL): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch (error) {
    console.warn(`\n!!! Redis at ${url} did not answer (${String(error)}): Redis-backed tests are SKIPPED here (they fail under CI=true).\n`);
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}

/** Runs when Redis answers, fails under CI=true when it does not, skips otherwise. */
export function describeWithRedis(available: boolean): ReturnType<typeof describe.skipIf> {
  return describe.skipIf(!available && process.env.CI !== "true");
}

/** A key prefix no other run shares, and connected clients that `dispose` cleans up after. */
export interface RedisKeyspace {
  readonly prefix: string;
  client(): Promise<RedisClientType>;
  dispose(): Promise<void>;
}

export function testRedisKeyspace(name: string, url = TEST_REDIS_URL): RedisKeyspace {
  const prefix = `test:${name}:${randomUUID()}:`;
  const clients: RedisClientType[] = [];
  return {
    prefix,
    client: async () => {
      const client: RedisClientType = createClient({ url });
      client.on("error", (error: unknown) => console.warn(`redis test client (${name}):`, String(error)));
      await client.connect();
      clients.push(client);
      return client;
    },
    dispose: async () => {
      const cleaner = clients.find((c) => c.isReady);
      if (cleaner !== undefined) {
        for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await cleaner.del(keys);
      }
      for (const client of clients) if (client.isOpen) client.destroy();
    },
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** A redis-server of this test's own (never the shared one), so it can be stopped and restarted. */
export interface PrivateRedis {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    child = proc;
    const deadline = Date.now() + 10_000;
    while (!(await probeQuietly(`redis://127.0.0.1:${port}`))) {
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`private redis-server on ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      const proc = child;
      if (proc === null || proc.exitCode !== null) return;
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGKILL");
      await exited;
    },
  };
}

async function probeQuietly(url: string): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 500, reconnectStrategy: false } });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch (error) {
    // Not up yet: the caller polls until it is.
    if (error instanceof Error) return false;
    throw error;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}
