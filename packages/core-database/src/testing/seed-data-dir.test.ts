import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../open-database";
import { clusterSnapshotPath, defaultClusterSnapshotStore, freshClusterSnapshot } from "../pglite-cluster-snapshot";
import type { ClusterSnapshotStore } from "../pglite-cluster-snapshot";
import { seedDataDir } from "./seed-data-dir";

const SLOW = 300_000;
const root = mkdtempSync(join(tmpdir(), "core-database-seed-"));
/** A store of this file's own, so the pristine folder is made here, holding a copy of the shared snapshot (no initdb). */
const store: ClusterSnapshotStore = { dir: join(root, "store"), version: defaultClusterSnapshotStore().version };
beforeAll(async () => {
  const snapshot = await freshClusterSnapshot();
  mkdirSync(store.dir, { recursive: true });
  writeFileSync(clusterSnapshotPath(store), new Uint8Array(await snapshot.arrayBuffer()));
}, SLOW);
afterAll(() => rmSync(root, { recursive: true, force: true }), SLOW);

async function userTables(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(database.db);
    return rows.map((row) => row.name);
  } finally {
    await database.close();
  }
}

describe("seedDataDir", () => {
  it("gives each folder its own empty cluster that openDatabase resumes and keeps", async () => {
    const [a, b] = [join(root, "a"), join(root, "b")];
    await Promise.all([seedDataDir(a, store), seedDataDir(b, store)]);
    // One pristine folder for the store, renamed into place whole (no partial copy left).
    expect(readdirSync(store.dir).filter((name) => !name.endsWith(".tar.gz"))).toEqual([`pglite-${store.version}-cluster`]);
    expect(await userTables(a)).toEqual([]);

    const database = await openDatabase({ dataDir: a });
    try {
      await sql`create table kept (id int primary key)`.execute(database.db);
      await sql`insert into kept values (1)`.execute(database.db);
    } finally {
      await database.close();
    }
    expect(await userTables(a)).toEqual(["kept"]);
    expect(await userTables(b)).toEqual([]);
    expect(existsSync(join(store.dir, `pglite-${store.version}-cluster`, "base"))).toBe(true);
  }, SLOW);

  it("refuses a folder that already holds a cluster", async () => {
    const dataDir = join(root, "twice");
    await seedDataDir(dataDir, store);
    await expect(seedDataDir(dataDir, store)).rejects.toThrow(/already holds a cluster/);
  }, SLOW);
});
