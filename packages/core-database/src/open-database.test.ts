import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "./app-database";
import { DATA_DIR_LOCK_FILE } from "./data-dir-lock";
import { openDatabase } from "./open-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres, seedDataDir } from "./testing";

// Two PGlite clusters written to disk: on a 2-core machine running every package's suite at once this took 200 s.
const SLOW = 600_000;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "core-database-"));
  folders.push(folder);
  return folder;
}

/** Bounded wait for a condition (a real engine on a loaded machine: generous, never a fixed sleep). */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function expectListenHearsCommits(database: AppDatabase): Promise<void> {
  if (database.listen === undefined) throw new Error("an embedded database offers listen");
  const heard: string[] = [];
  const unlisten = await database.listen("core_database_test", (payload) => heard.push(payload));
  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_notify('core_database_test', 'rolled back')`.execute(trx);
      throw new Error("roll back");
    })
    .catch((error: unknown) => expect(error).toMatchObject({ message: "roll back" }));
  await database.db.transaction().execute(async (trx) => {
    await sql`select pg_notify('core_database_test', 'committed')`.execute(trx);
  });
  await waitUntil(() => heard.length > 0, "the committed notification");
  await unlisten();
  await sql`select pg_notify('core_database_test', 'after unlisten')`.execute(database.db);
  // A round trip after the NOTIFY: anything it would have delivered has been by now.
  await database.ping();
  expect(heard).toEqual(["committed"]);
}

describe("openDatabase on embedded PGlite", () => {
  it("keeps rows in a data folder across a close and a reopen, and frees the folder on close", async () => {
    const dataDir = tempFolder();
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe("pglite");
    await sql`create table kept (id int primary key, big bigint)`.execute(first.db);
    await sql`insert into kept values (1, 9007199254740991)`.execute(first.db);
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: "DATA_DIR_IN_USE" });
    await first.close();
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);

    const again = await openDatabase({ dataDir });
    await again.ping();
    const { rows } = await sql<{ id: number; big: number }>`select id, big from kept`.execute(again.db);
    // int8 comes back as a number on both engines.
    expect(rows).toEqual([{ id: 1, big: 9007199254740991 }]);
    await expectListenHearsCommits(again);
    await again.close();
    await again.close();
  }, SLOW);

  it("hears a NOTIFY through listen only once its transaction committed, and nothing after unlisten (in memory)", async () => {
    const database = await openDatabase({ inMemory: true });
    try {
      await expectListenHearsCommits(database);
    } finally {
      await database.close();
    }
  }, SLOW);

  it("refuses a folder another live process holds, naming that process", async () => {
    const dataDir = tempFolder();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dataDir, DATA_DIR_LOCK_FILE), String(other.pid));
      await expect(openDatabase({ dataDir })).rejects.toThrow(new RegExp(`in use by process ${String(other.pid)}`));
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    const dataDir = tempFolder();
    // About the lock, not initdb (the first case runs that): start from the pristine cluster.
    await seedDataDir(dataDir);
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.once("exit", resolve));
    writeFileSync(join(dataDir, DATA_DIR_LOCK_FILE), String(gone.pid));
    const database = await openDatabase({ dataDir });
    await database.ping();
    await database.close();
  }, SLOW);
});

describe("openDatabase on PostgreSQL", () => {
  it("refuses a URL that is not postgres:// or postgresql://, without echoing it", async () => {
    await expect(openDatabase({ url: "mysql://root:secret@127.0.0.1/x" })).rejects.toMatchObject({ code: "INVALID_DATABASE_URL" });
    await expect(openDatabase({ url: "mysql://root:secret@127.0.0.1/x" })).rejects.not.toThrow(/secret/);
  });

  it("reports an unreachable server through ping, not at open", async () => {
    const database = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", onError: () => undefined });
    await expect(database.ping()).rejects.toThrow();
    await database.close();
  });
});

describeWithPostgres(await probePostgres())("openDatabase against the test PostgreSQL", () => {
  it("answers ping and parses int8 as a number", async () => {
    const created = await createTestPostgresDatabase("core-database");
    const database = await openDatabase({ url: created.url });
    try {
      expect(database.kind).toBe("postgres");
      await database.ping();
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_database where datname = ${created.name}`.execute(database.db);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await database.close();
      await created.drop();
    }
  });
});
