import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { seedDataDir } from "@repo/core-database/testing";
import { freePort } from "@repo/core-testing-redis";
import { inheritedServerEnv } from "./env";
import { waitUntil } from "./wait-until";
import { WEB_NEXT_DIR, assertProductionBuild } from "./web-next-app";

/** Shared by every instance and every restart, so sessions stay valid across both. */
const E2E_SESSION_SECRET = "e2e-session-secret-0123456789abcdef0123456789";

/**
 * A production boot (tsx importing the whole app, PGlite or PostgreSQL, dev seed, Next) took 100 s
 * at load 27 on two cores (90 s failed) and over 180 s at load 46.
 */
const READY_TIMEOUT_MS = 300_000;
/**
 * `pnpm start` runs `turbo run build` first: a cache hit (the `test` task depends on the same
 * build) replays in seconds, a miss runs `next build` (minutes on two loaded cores).
 */
const PNPM_START_READY_TIMEOUT_MS = 480_000;
const STOP_TIMEOUT_MS = 20_000;
const LOG_TAIL_CHARS = 20_000;
/** Stops the server when this process dies without running its exit handlers (see the file). */
const EXIT_WITH_PARENT = new URL("./exit-with-parent.ts", import.meta.url).href;

export interface AppServerOptions {
  /** Shown in errors; tells instances apart. */
  readonly name?: string;
  /**
   * Defaults to a free port (not `PORT=0`), kept across restarts, so a test
   * can stop the server and start it again on the address an open tab uses.
   */
  readonly port?: number;
  /** Unset: in-memory defaults (an inherited REDIS_URL is removed). */
  readonly redisUrl?: string;
  /**
   * The server's PostgreSQL; unset: the embedded store in a temporary DATA_DIR of this server's
   * own, kept across its restarts (an inherited DATABASE_URL / DATA_DIR is removed).
   */
  readonly databaseUrl?: string;
  /** Extra variables for `src/env.ts` (e.g. `LOG_LEVEL`). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * `server` (default): `node --import tsx server.ts` in apps/web-next. `pnpm-start`: the README's
   * own `pnpm start` from the repo root (the workspace's pinned pnpm, through Turborepo, in its own
   * process group), so the variables have to cross turbo.json's pass-through lists as a user's do;
   * `NODE_ENV` is left to the start script.
   */
  readonly launch?: "server" | "pnpm-start";
}

/** The repository root (apps/web-next/../..) and the pnpm the workspace pins (`devDependencies.pnpm`). */
const REPO_ROOT = dirname(dirname(WEB_NEXT_DIR));
const WORKSPACE_PNPM = join(REPO_ROOT, "node_modules", ".bin", "pnpm");

/** Every child still running, so a crashed test run never leaves a server behind. */
const liveChildren = new Set<ChildProcess>();
/** Each server's own DATA_DIR (kept across its restarts), removed when the test process ends. */
const dataDirs = new Set<string>();
process.once("exit", () => {
  for (const child of liveChildren) killTree(child, "SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** `pnpm start` runs pnpm -> turbo -> pnpm -> tsx -> server: signal its whole process group. */
const groupLeaders = new WeakSet<ChildProcess>();

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!groupLeaders.has(child) || child.pid === undefined) {
    child.kill(signal);
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A new DATA_DIR holding an empty cluster copied from a pristine one: the server's first boot
 * opens it instead of running initdb in WASM (close to a minute of one core's time on a loaded
 * machine, once per test file). Migrations and the dev seed still run as on a new folder.
 */
async function ownDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-data-"));
  dataDirs.add(dir);
  await seedDataDir(dir);
  return dir;
}

/**
 * The real app (`apps/web-next/server.ts`) as a child process serving the
 * `next build` output with `NODE_ENV=production` and the dev seed (alice,
 * bob), like `pnpm start`. It runs as `node --import tsx server.ts` (what the
 * `tsx` CLI does, minus the relaying parent process), so SIGTERM reaches the
 * server itself exactly once and a kill leaves no grandchild behind; and it
 * stops by itself when the test process dies.
 *
 * @example
 * const server = await AppServer.start({ name: "memory" });
 * await page.goto(`${server.url}/`);
 * await server.stop(); // graceful: SIGTERM, then SIGKILL after 20 s
 * await server.restart(); // same port: open pages reconnect by themselves
 */
export class AppServer {
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the host the server binds, so cookies and origins match. */
  readonly url: string;
  #env: NodeJS.ProcessEnv;
  readonly #launch: "server" | "pnpm-start";
  #child: ChildProcess | null = null;
  #exited: Promise<number | null> = Promise.resolve(null);
  #logTail = "";

  private constructor(name: string, port: number, env: NodeJS.ProcessEnv, launch: "server" | "pnpm-start") {
    this.name = name;
    this.#launch = launch;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.#env = env;
  }

  static async start(options: AppServerOptions = {}): Promise<AppServer> {
    assertProductionBuild();
    const port = options.port ?? (await freePort());
    const inherited = inheritedServerEnv();
    const store = options.databaseUrl === undefined ? { DATA_DIR: await ownDataDir() } : { DATABASE_URL: options.databaseUrl };
    const launch = options.launch ?? "server";
    // Vitest's NODE_ENV=test would also change turbo's hash of the build (a global env name) and miss its cache.
    const { NODE_ENV: _nodeEnv, ...withoutNodeEnv } = inherited;
    const env: NodeJS.ProcessEnv = {
      ...withoutNodeEnv,
      ...(launch === "server" ? { NODE_ENV: "production" } : {}),
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_SEED: "dev",
      SESSION_SECRET: E2E_SESSION_SECRET,
      // The browser talks plain HTTP to 127.0.0.1; a Secure cookie would never come back.
      COOKIE_SECURE: "false",
      SHUTDOWN_TIMEOUT_MS: "5000",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
      ...store,
      ...options.env,
    };
    const server = new AppServer(options.name ?? `app:${port}`, port, env, launch);
    await server.#spawn();
    return server;
  }

  /** The last ~20 kB the server printed (pino JSON lines), for failure messages. */
  get logTail(): string {
    return this.#logTail;
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** Graceful stop (SIGTERM: drain, then exit); SIGKILL if that takes longer than 20 s. Returns the exit code. */
  async stop(): Promise<number | null> {
    const child = this.#child;
    if (child === null) return null;
    killTree(child, "SIGTERM");
    const timer = setTimeout(() => killTree(child, "SIGKILL"), STOP_TIMEOUT_MS);
    try {
      const code = await this.#exited;
      // pnpm may exit before the server it started has drained: wait for the whole group.
      if (groupLeaders.has(child) && child.pid !== undefined) {
        const pid = child.pid;
        await waitUntil(() => !groupAlive(pid), { timeoutMs: STOP_TIMEOUT_MS + 5_000, intervalMs: 200, what: `${this.name}'s processes to exit` });
      }
      return code;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Starts again on the same port (after `stop()`), and waits until `/readyz` answers 200.
   * `env` overrides variables from now on (this and later restarts), like a deploy with a new configuration.
   *
   * @example
   * await server.restart({ env: { REALTIME_PROTOCOL_VERSION: "2.0.0" } });
   */
  async restart(options: { readonly env?: Readonly<Record<string, string>> } = {}): Promise<void> {
    await this.stop();
    this.#env = { ...this.#env, ...options.env };
    await this.#spawn();
  }

  #spawnChild(): ChildProcess {
    if (this.#launch === "pnpm-start") {
      // The literal README command; its own process group so stop() reaches turbo, tsx and the server.
      const child = spawn(WORKSPACE_PNPM, ["start"], { cwd: REPO_ROOT, env: this.#env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      groupLeaders.add(child);
      return child;
    }
    return spawn(process.execPath, ["--import", "tsx", "--import", EXIT_WITH_PARENT, "server.ts"], {
      cwd: WEB_NEXT_DIR,
      env: this.#env,
      // stdin is the lifeline `exit-with-parent.ts` watches; nothing is ever written to it.
      stdio: ["pipe", "pipe", "pipe"],
    });
  }

  async #spawn(): Promise<void> {
    const child = this.#spawnChild();
    this.#child = child;
    liveChildren.add(child);
    const record = (chunk: Buffer): void => {
      this.#logTail = (this.#logTail + chunk.toString()).slice(-LOG_TAIL_CHARS);
    };
    child.stdout?.on("data", record);
    child.stderr?.on("data", record);
    this.#exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        liveChildren.delete(child);
        if (this.#child === child) this.#child = null;
        record(Buffer.from(`\n[${this.name} exited: code ${String(code)}, signal ${String(signal)}]\n`));
        resolve(code);
      });
    });
    try {
      await waitUntil(async () => this.#child === child && (await this.#readyStatus()) === 200, {
        timeoutMs: this.#launch === "pnpm-start" ? PNPM_START_READY_TIMEOUT_MS : READY_TIMEOUT_MS,
        intervalMs: 200,
        what: `${this.name} /readyz to answer 200`,
        // A server that died while booting will never turn ready.
        abortIf: () => (this.#child !== child ? "the server process exited" : undefined),
      });
    } catch (error) {
      killTree(child, "SIGKILL");
      throw new Error(`${this.name} did not start.\n--- server output ---\n${this.#logTail}`, { cause: error });
    }
  }

  async #readyStatus(): Promise<number> {
    try {
      return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch (error) {
      // Refused while booting (TypeError) or a slow answer (TimeoutError): keep polling.
      if (error instanceof TypeError || (error instanceof DOMException && error.name === "TimeoutError")) return 0;
      throw error;
    }
  }
}
