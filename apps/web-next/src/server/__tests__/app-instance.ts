import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_SESSION_SECRET } from "./test-server";

const APP_DIR = fileURLToPath(new URL("../../..", import.meta.url));
const ENTRY = fileURLToPath(new URL("./instance-process.ts", import.meta.url));

/** Instances not yet exited: killed when the test process ends, so a timed-out hook leaves none running. */
const liveInstances = new Set<ChildProcessWithoutNullStreams>();
process.once("exit", () => {
  for (const child of liveInstances) child.kill("SIGKILL");
});

/** A real app process (tsx, like `pnpm dev`) on an ephemeral port of 127.0.0.1. */
export interface AppInstance {
  readonly url: string;
  readonly port: number;
  readonly instanceId: string;
  /** stdout and stderr so far (assertion messages, post-mortems). */
  output(): string;
  /** True until the process exited. */
  alive(): boolean;
  /** Asks THIS instance to broadcast `{ n }` on `test-room.<roomId>`. */
  broadcast(roomId: string, n: number): Promise<{ seq: number; epoch: string }>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Spawns one instance with the test environment plus `env` and resolves once
 * it printed its URL (the server is listening and bound).
 *
 * @example
 * const a = await spawnAppInstance({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
 */
export async function spawnAppInstance(env: Record<string, string>): Promise<AppInstance> {
  // node with tsx as a loader, not the tsx CLI: the CLI runs the server in a grandchild that a SIGKILL would orphan.
  // NODE_ENV=test: a fresh in-memory store per instance unless `env` names DATABASE_URL or DATA_DIR.
  const { DATABASE_URL: _database, DATA_DIR: _dataDir, ...inherited } = process.env;
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    cwd: APP_DIR,
    env: {
      ...inherited,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      SESSION_SECRET: TEST_SESSION_SECRET,
      APP_SEED: "dev",
      LOG_LEVEL: "warn",
      SHUTDOWN_TIMEOUT_MS: "3000",
      // Sessions live in the shared Redis under auth's own prefix: keep what a run leaves behind short-lived.
      SESSION_TTL_SECONDS: "300",
      REALTIME_PING_INTERVAL_MS: "60000",
      ...env,
    },
  });
  let output = "";
  let exited = false;
  liveInstances.add(child);
  const exit = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exited = true;
      liveInstances.delete(child);
      resolve(code);
    }),
  );
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const ready = new Promise<{ url: string; instanceId: string }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.includes('"test_instance_ready"'));
      if (line !== undefined) resolve(JSON.parse(line) as { url: string; instanceId: string });
    });
    void exit.then((code) => reject(new Error(`instance exited (${code}) before it was ready:\n${output}`)));
  });
  // tsx compiling and importing the whole app: seconds when idle, over a minute on a loaded machine.
  const { url, instanceId } = await withTimeout(ready, 180_000, () => `instance not ready after 180 s:\n${output}`).catch((error: unknown) => {
    // Never leave a half-started instance behind: it would keep a core busy through every later test.
    if (!exited) child.kill("SIGKILL");
    throw error;
  });
  return {
    url,
    port: Number(new URL(url).port),
    instanceId,
    output: () => output,
    alive: () => !exited,
    broadcast: async (roomId, n) => {
      const response = await fetch(`${url}/test/broadcast`, { method: "POST", body: JSON.stringify({ roomId, n }) });
      if (response.status !== 200) throw new Error(`broadcast on ${url} answered ${response.status}`);
      return (await response.json()) as { seq: number; epoch: string };
    },
    kill: async (signal = "SIGKILL") => {
      if (!exited) child.kill(signal);
      return exit;
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
