import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { clusterSnapshotPath, defaultClusterSnapshotStore, startFreshPglite } from "./pglite-cluster-snapshot";
import type { ClusterSnapshotStore } from "./pglite-cluster-snapshot";

const SLOW = 180_000;
const GZIP_MAGIC = [0x1f, 0x8b];
const root = mkdtempSync(join(tmpdir(), "core-database-snapshot-"));
const engines: PGlite[] = [];
afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  rmSync(root, { recursive: true, force: true });
});

function storeIn(name: string): ClusterSnapshotStore {
  return { dir: join(root, name), version: defaultClusterSnapshotStore().version };
}

async function start(store: ClusterSnapshotStore): Promise<PGlite> {
  const engine = await startFreshPglite({}, store);
  engines.push(engine);
  return engine;
}

/** One store initialised for the whole file (initdb is the slow part): the first test checks it, the second copies its file. */
let seeded: Promise<{ store: ClusterSnapshotStore; first: PGlite }> | undefined;
function seededStore(): Promise<{ store: ClusterSnapshotStore; first: PGlite }> {
  const store = storeIn("seeded");
  return (seeded ??= start(store).then((first) => ({ store, first })));
}

async function userTables(engine: PGlite): Promise<string[]> {
  const { rows } = await engine.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
  return rows.map((row) => row.name);
}

describe("startFreshPglite", () => {
  it("names the snapshot file after the installed PGlite version", () => {
    const store = defaultClusterSnapshotStore();
    expect(store.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(clusterSnapshotPath(store)).toBe(join(store.dir, `pglite-${store.version}-cluster.tar.gz`));
  });

  it("initialises once, writes a whole gzip snapshot, and gives every caller its own empty database", async () => {
    const { store, first } = await seededStore();
    const path = clusterSnapshotPath(store);
    expect([...readFileSync(path).subarray(0, 2)]).toEqual(GZIP_MAGIC);
    // Only the finished file is left behind: the partial one was renamed onto it.
    expect(readdirSync(store.dir)).toEqual([`pglite-${store.version}-cluster.tar.gz`]);

    await first.exec("create table mine (id int primary key); insert into mine values (1)");
    const [second, third] = await Promise.all([start(store), start(store)]);
    expect(await userTables(second)).toEqual([]);
    expect(await userTables(third)).toEqual([]);
    await second.exec("create table theirs (id int)");
    expect(await userTables(first)).toEqual(["mine"]);
    expect(await userTables(third)).toEqual([]);
  }, SLOW);

  it("starts from a snapshot another process wrote", async () => {
    const { store: written } = await seededStore();
    // A store this process has not used yet: only the file can feed it.
    const other = storeIn("other");
    mkdirSync(other.dir, { recursive: true });
    copyFileSync(clusterSnapshotPath(written), clusterSnapshotPath(other));
    const engine = await start(other);
    expect((await engine.query<{ n: number }>("select 1 as n")).rows).toEqual([{ n: 1 }]);
    expect(await userTables(engine)).toEqual([]);
  }, SLOW);

  it("replaces a snapshot that does not load, and still starts", async () => {
    const store = storeIn("broken");
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(clusterSnapshotPath(store), "not a tarball");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const engine = await start(store);
      expect(await userTables(engine)).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("did not load"));
    } finally {
      warn.mockRestore();
    }
    expect(existsSync(clusterSnapshotPath(store))).toBe(true);
    expect([...readFileSync(clusterSnapshotPath(store)).subarray(0, 2)]).toEqual(GZIP_MAGIC);
  }, SLOW);
});
