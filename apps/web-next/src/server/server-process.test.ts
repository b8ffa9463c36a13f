import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { seedDataDir } from "@repo/core-database/testing";
import { describe, expect, it } from "vitest";
import { connectSocket } from "./__tests__/realtime-test-client";
import { TEST_SESSION_SECRET, waitFor } from "./__tests__/test-server";
import { APP_DIR } from "./start-server";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** This process's env minus the store variables: the child gets its own DATA_DIR. */
function inheritedWithoutStore(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, DATA_DIR: _dataDir, ...inherited } = process.env;
  return inherited;
}

/** SIGKILL to a whole process group; one already gone (ESRCH, the server exited) is fine. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let status = 0;
    try {
      status = (await fetch(`${url}/readyz`)).status;
    } catch (error) {
      // Connection refused while the process boots: fetch rejects with a TypeError; keep polling.
      if (!(error instanceof TypeError)) throw error;
    }
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`server at ${url} not ready after ${timeoutMs} ms (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The production entry exactly as `pnpm start` runs it: tsx server.ts with NODE_ENV=production
// (against the `next build` output), then SIGTERM as an orchestrator sends it.
describe("server.ts as a process", () => {
  it("serves, then on SIGTERM drains its sockets and exits 0 on its own, before its SHUTDOWN_TIMEOUT_MS deadline", async () => {
    const port = await freePort();
    // Its own embedded store: the production default (apps/web-next/.data) belongs to one process.
    const dataDir = await mkdtemp(join(tmpdir(), "web-next-server-process-"));
    // An empty cluster copied in: the boot then opens it instead of running initdb in WASM (close to a minute on a loaded machine).
    await seedDataDir(dataDir);
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(join(APP_DIR, "node_modules/.bin/tsx"), ["server.ts"], {
      cwd: APP_DIR,
      env: {
        ...inheritedWithoutStore(),
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        SESSION_SECRET: TEST_SESSION_SECRET,
        // Past this deadline the shutdown is unclean (exit 1, shutdown_timed_out); generous, so only a hang misses it.
        SHUTDOWN_TIMEOUT_MS: "30000",
        LOG_LEVEL: "info",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: the tsx CLI runs the server in a grandchild, which a kill of tsx alone would orphan.
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    try {
      // Booting (tsx, migrations, Next): minutes, not seconds, on two cores shared with the whole `pnpm test`.
      await waitUntilReady(url, 150_000);
      expect(await (await fetch(`${url}/`)).text()).toContain("<title>Realtime Starter</title>");
      const client = await connectSocket(url);

      child.kill("SIGTERM");
      await waitFor(() => !client.socket.connected, 30_000, "socket closed by the draining server");
      expect(client.statuses).toContainEqual({ state: "draining", reason: "Server is shutting down" });
      // Exits by itself (no second signal, no kill): exit 0 is a clean stop inside SHUTDOWN_TIMEOUT_MS.
      const code = await Promise.race([exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 60_000).unref())]);
      expect(code, output).toBe(0);
      const logged = output.split("\n").flatMap((line) => /"msg":"(server_draining|shutdown_timed_out|server_stopped)"/.exec(line)?.slice(1) ?? []);
      expect(logged, output).toEqual(["server_draining", "server_stopped"]);
      expect(output).toMatch(/"clean":true[^\n]*"msg":"server_stopped"/);
    } finally {
      if (child.pid !== undefined) killGroup(child.pid);
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
