import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PGliteOptions } from "@electric-sql/pglite";

/**
 * Where fresh clusters are kept between processes. Keyed by PGlite's version:
 * a data folder is only guaranteed to load into the build that wrote it.
 */
export interface ClusterSnapshotStore {
  /** The folder holding `pglite-<version>-cluster.tar.gz`; default `<os tmpdir>/repo-pglite-snapshots`. */
  readonly dir: string;
  /** PGlite's package version; default the installed one. */
  readonly version: string;
}

/** The installed PGlite's version, read from its package.json (its `exports` do not expose the file). */
function installedPgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  // <package>/dist/index.cjs -> <package>/package.json
  const manifest = JSON.parse(readFileSync(join(dirname(dirname(entry)), "package.json"), "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw new Error("@electric-sql/pglite's package.json names no version");
  return manifest.version;
}

export function defaultClusterSnapshotStore(): ClusterSnapshotStore {
  return { dir: join(tmpdir(), "repo-pglite-snapshots"), version: installedPgliteVersion() };
}

export function clusterSnapshotPath(store: ClusterSnapshotStore): string {
  return join(store.dir, `pglite-${store.version}-cluster.tar.gz`);
}

function readSnapshotFile(path: string): Blob | undefined {
  try {
    return new Blob([readFileSync(path)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Temporary name + rename: a process reading the path sees no file or a whole one, never half of one. */
function writeSnapshotFile(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${String(process.pid)}-${randomUUID()}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The per-process snapshot, per file path: every caller in the process shares one read (or one initdb). */
const snapshots = new Map<string, Promise<Blob>>();

type ClusterOptions = Pick<PGliteOptions, "parsers">;

/**
 * Starts a fresh in-memory PGlite without running initdb when it can: initdb
 * costs ~3 s of CPU per database (~6 s for a process's first, which also
 * compiles initdb's WASM), loading a snapshot of a just-initialised cluster
 * ~1.5 s (PGlite's own `clone()` works the same way: `dumpDataDir` +
 * `loadDataDir`). The snapshot is kept per process and as a gzip file shared
 * by all processes (tests start many); a file that does not load is replaced.
 * Every database still starts empty and is never shared: only the pristine
 * cluster is reused.
 *
 * @example
 * const pglite = await startFreshPglite({ parsers: { 20: Number } });
 */
export async function startFreshPglite(options: ClusterOptions, store: ClusterSnapshotStore = defaultClusterSnapshotStore()): Promise<PGlite> {
  const path = clusterSnapshotPath(store);
  const known = snapshots.get(path);
  if (known !== undefined) return loadOrInit(await known, options, path);
  const fromFile = readSnapshotFile(path);
  if (fromFile !== undefined) {
    snapshots.set(path, Promise.resolve(fromFile));
    return loadOrInit(fromFile, options, path);
  }
  // No snapshot yet: this caller runs initdb and keeps the engine; the others wait for its dump.
  const initialised = initAndSnapshot(options, path);
  snapshots.set(
    path,
    initialised.then(({ snapshot }) => snapshot),
  );
  initialised.catch(() => snapshots.delete(path));
  return (await initialised).pglite;
}

/**
 * The pristine cluster's snapshot itself (gzip tar of a just-initialised data
 * folder): the per-process copy, else the shared file, else one initdb.
 *
 * @example
 * const snapshot = await freshClusterSnapshot();
 * const pglite = await PGlite.create({ dataDir, loadDataDir: snapshot });
 */
export async function freshClusterSnapshot(store: ClusterSnapshotStore = defaultClusterSnapshotStore()): Promise<Blob> {
  const path = clusterSnapshotPath(store);
  const known = snapshots.get(path);
  if (known !== undefined) return known;
  const fromFile = readSnapshotFile(path);
  if (fromFile !== undefined) {
    snapshots.set(path, Promise.resolve(fromFile));
    return fromFile;
  }
  // No snapshot anywhere yet: initialise one (and share it) the way startFreshPglite does, then let the engine go.
  await (await startFreshPglite({}, store)).close();
  const made = snapshots.get(path);
  if (made === undefined) throw new Error(`pglite snapshot ${path} was not kept`);
  return made;
}

async function initAndSnapshot(options: ClusterOptions, path: string): Promise<{ pglite: PGlite; snapshot: Blob }> {
  const pglite = await PGlite.create(options);
  // Written to the data files now, so a loaded copy starts from a checkpoint instead of replaying initdb's WAL.
  await pglite.exec("CHECKPOINT");
  const snapshot = await pglite.dumpDataDir("gzip");
  writeSnapshotFile(path, new Uint8Array(await snapshot.arrayBuffer()));
  return { pglite, snapshot };
}

async function loadOrInit(snapshot: Blob, options: ClusterOptions, path: string): Promise<PGlite> {
  try {
    return await PGlite.create({ ...options, loadDataDir: snapshot });
  } catch (error) {
    // A file another PGlite build or a broken disk wrote: forget it and initialise the slow way, writing a good one.
    console.warn(`pglite snapshot ${path} did not load (${(error as Error).message}); running initdb instead`);
    snapshots.delete(path);
    rmSync(path, { force: true });
    const { pglite, snapshot: fresh } = await initAndSnapshot(options, path);
    snapshots.set(path, Promise.resolve(fresh));
    return pglite;
  }
}
