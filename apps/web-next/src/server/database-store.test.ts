import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MigrationFailedError } from "@repo/core-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres, seedDataDir } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { featureMigrations } from "../feature-migrations";
import { runDbMigrate } from "./db-migrate";
import { APP_DIR, startServer } from "./start-server";
import type { RunningServer } from "./start-server";
import { addNote, brokenMigrations, listNotes, testNotesMigrations } from "./__tests__/test-notes-migrations";
import { TEST_SESSION_SECRET } from "./__tests__/test-server";

const postgresAvailable = await probePostgres();
const migrations = [...featureMigrations, testNotesMigrations];

/** The real server (API only) on the store these variables name, with the test-notes table migrated. */
async function start(store: Record<string, string>): Promise<RunningServer> {
  const { env } = parseEnv({ NODE_ENV: "test", SESSION_SECRET: TEST_SESSION_SECRET, LOG_LEVEL: "silent", SHUTDOWN_TIMEOUT_MS: "5000", ...store });
  return startServer({ env, port: 0, host: "127.0.0.1", next: false, logger: createLogCapture().logger, migrations });
}

async function readyz(server: RunningServer): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: await response.json() };
}

interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs an entry of the app (`server.ts`, `db-migrate.ts`) as its own process, like pnpm does, with only the store variables given. */
function runEntry(entry: string, store: Record<string, string>, timeoutMs = 240_000): Promise<Exited> {
  const { DATABASE_URL: _database, DATA_DIR: _dataDir, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: APP_DIR,
    env: { ...inherited, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", SESSION_SECRET: TEST_SESSION_SECRET, LOG_LEVEL: "warn", ...store },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} still running after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("the embedded store in DATA_DIR", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "web-next-data-dir-"));
    // An empty cluster copied in (no initdb): this file is about the server and db:migrate on a folder, not a folder's first open.
    await seedDataDir(dataDir);
  }, 240_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts on its folder, refuses a second process on it, and keeps the data across a restart", async () => {
    const first = await start({ DATA_DIR: dataDir });
    try {
      expect(first.database.kind).toBe("pglite");
      expect(await readyz(first)).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", redis: "not-configured" } } });
      await addNote(first.database, "kept across restarts");

      const second = await runEntry("server.ts", { DATA_DIR: dataDir });
      expect(second.code, second.stderr).toBe(1);
      expect(second.stderr).toContain(`Start failed [DATA_DIR_IN_USE]: The data folder ${dataDir} is in use by process ${process.pid}`);
      const migrate = await runEntry("db-migrate.ts", { DATA_DIR: dataDir });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain("db:migrate failed [DATA_DIR_IN_USE]");
    } finally {
      await first.shutdown("test done");
    }

    // Released by the shutdown: the command may use it now, then the server again.
    const migrate = await runEntry("db-migrate.ts", { DATA_DIR: dataDir });
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain(`db:migrate: store=pglite dataDir=${dataDir}`);

    const restarted = await start({ DATA_DIR: dataDir });
    try {
      expect(await listNotes(restarted.database)).toEqual(["kept across restarts"]);
    } finally {
      await restarted.shutdown("test done");
    }
  }, 900_000);

  it("a failed migration stops the start with the feature and migration named", async () => {
    const { env } = parseEnv({ NODE_ENV: "test", SESSION_SECRET: TEST_SESSION_SECRET, LOG_LEVEL: "silent" });
    const logs = createLogCapture();
    const starting = startServer({ env, port: 0, host: "127.0.0.1", next: false, logger: logs.logger, migrations: [brokenMigrations] });
    await expect(starting).rejects.toThrow(MigrationFailedError);
    await expect(starting).rejects.toMatchObject({ code: "MIGRATION_FAILED", feature: "test-broken", migration: "0002-breaks" });
    await expect(starting).rejects.toThrow(/Migration test-broken\/0002-breaks failed/);
  }, 300_000);
});

describe("db:migrate as a process", () => {
  it("an invalid DATABASE_URL makes db:migrate exit non-zero without echoing it", async () => {
    const result = await runEntry("db-migrate.ts", { DATABASE_URL: "mysql://root:hunter2@127.0.0.1/app" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(result.stderr).not.toContain("hunter2");
  }, 300_000);
});

describeWithPostgres(postgresAvailable)("the store on PostgreSQL (DATABASE_URL)", () => {
  let testDb: TestPostgresDatabase;

  beforeAll(async () => {
    testDb = await createTestPostgresDatabase("web_next_store");
  });

  afterAll(async () => {
    await testDb.drop();
  });

  it("db:migrate prints what ran, exits 0, and 1 naming a failed migration", async () => {
    const viaProcess = await runEntry("db-migrate.ts", { DATABASE_URL: testDb.url });
    expect(viaProcess.code, viaProcess.stderr).toBe(0);
    expect(viaProcess.stdout).toContain(`db:migrate: store=postgres url=${testDb.url}`);

    const { env } = parseEnv({ NODE_ENV: "production", DATABASE_URL: testDb.url, LOG_LEVEL: "silent" });
    const logger = createLogCapture().logger;
    const run = async (sets = migrations) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runDbMigrate(env, sets, logger, { out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, out, err };
    };
    expect(await run()).toMatchObject({ code: 0, out: expect.arrayContaining(["test-notes: applied 0001-create-test-notes"]) as unknown });
    expect(await run()).toMatchObject({ code: 0, out: expect.arrayContaining(["test-notes: up to date"]) as unknown });
    const failed = await run([brokenMigrations]);
    expect(failed.code).toBe(1);
    expect(failed.err.join("\n")).toContain("db:migrate failed [MIGRATION_FAILED]: Migration test-broken/0002-breaks failed");
  }, 300_000);

  it("keeps the data across a restart, and /readyz answers 503 once the database is gone", async () => {
    const first = await start({ DATABASE_URL: testDb.url });
    try {
      expect(first.database.kind).toBe("postgres");
      await addNote(first.database, "kept on postgres");
    } finally {
      await first.shutdown("test done");
    }
    const restarted = await start({ DATABASE_URL: testDb.url });
    try {
      expect(await listNotes(restarted.database)).toEqual(["kept on postgres"]);
      expect(await readyz(restarted)).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", redis: "not-configured" } } });
      await testDb.drop();
      expect(await readyz(restarted)).toEqual({ status: 503, body: { status: "degraded", checks: { database: "unreachable", redis: "not-configured" } } });
    } finally {
      await restarted.shutdown("test done");
    }
  }, 300_000);
});
