import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteClusterDir } from "../open-database";
import { defaultClusterSnapshotStore, freshClusterSnapshot } from "../pglite-cluster-snapshot";
import type { ClusterSnapshotStore } from "../pglite-cluster-snapshot";

/** One extraction per process (a concurrent caller waits for it), per store. */
const pristineFolders = new Map<string, Promise<string>>();

/**
 * The pristine cluster unpacked once per machine as a data folder
 * (`<store dir>/pglite-<version>-cluster/`): PGlite loads the snapshot into a
 * temporary folder, which is renamed into place whole, so a parallel process
 * sees no folder or a complete one.
 */
function pristineClusterFolder(store: ClusterSnapshotStore): Promise<string> {
  const folder = join(store.dir, `pglite-${store.version}-cluster`);
  const known = pristineFolders.get(folder);
  if (known !== undefined) return known;
  const made = (async () => {
    if (existsSync(join(folder, "PG_VERSION"))) return folder;
    mkdirSync(store.dir, { recursive: true });
    const partial = `${folder}.${String(process.pid)}-${randomUUID()}.partial`;
    try {
      const pglite = await PGlite.create({ dataDir: partial, loadDataDir: await freshClusterSnapshot(store) });
      await pglite.close();
      try {
        renameSync(partial, folder);
      } catch (error) {
        // Another process renamed its copy first (the target is a non-empty folder now): use that one.
        if (!existsSync(join(folder, "PG_VERSION"))) throw error;
      }
      return folder;
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  })();
  pristineFolders.set(folder, made);
  made.catch(() => pristineFolders.delete(folder));
  return made;
}

/**
 * Prepares a new DATA_DIR whose embedded cluster is a copy of a pristine,
 * just-initialised one, so the first `openDatabase({ dataDir })` (a server,
 * `db:migrate`, `user:create`) resumes it instead of running initdb in WASM
 * (~6 s of CPU each, close to a minute on a loaded machine; a copy is a file
 * copy). The store is still empty: no tables, migrations run as for a new
 * folder. Only for tests that start a store on a folder of their own; what a
 * folder with nothing in it does is tested in `open-database.test.ts`.
 *
 * @example
 * const dataDir = mkdtempSync(join(tmpdir(), "my-test-"));
 * await seedDataDir(dataDir);
 * const server = await startServer({ env: { ...env, DATA_DIR: dataDir } });
 */
export async function seedDataDir(dataDir: string, store: ClusterSnapshotStore = defaultClusterSnapshotStore()): Promise<void> {
  const target = pgliteClusterDir(dataDir);
  if (existsSync(target)) throw new Error(`seedDataDir: ${dataDir} already holds a cluster`);
  mkdirSync(dataDir, { recursive: true });
  cpSync(await pristineClusterFolder(store), target, { recursive: true });
}
