import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createClient } from "redis";

/**
 * A free TCP port on 127.0.0.1 at the time of the call.
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function answers(url: string): Promise<boolean> {
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

/** A redis-server of one test's own on an ephemeral port (never the shared one), so it can be killed and restarted. */
export interface PrivateRedis {
  readonly url: string;
  /** SIGKILL: the data is gone (no persistence), as after a crash. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * Starts `redis-server` without persistence on a free port and waits until it answers.
 *
 * @example
 * const redis = await startPrivateRedis();
 * await redis.stop(); await redis.start();
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    child = proc;
    const deadline = Date.now() + 30_000; // generous: redis-server starts in milliseconds, except on a starved machine
    while (!(await answers(url))) {
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`private redis-server on ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await start();
  return {
    url,
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
