import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DatabaseError } from "./database-errors";

/** The lock file inside a data folder; it holds the pid of the process that owns the folder. */
export const DATA_DIR_LOCK_FILE = "owner.pid";

/** Folders this process holds: a second open in the same process is refused like one from another process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Claims a data folder for this process, or throws `DATA_DIR_IN_USE` when a
 * live process holds it (an embedded PostgreSQL folder is single-writer: two
 * processes on it corrupt it). A lock left by a dead process is taken over.
 * Returns the release function.
 *
 * @example
 * const release = lockDataDir("/srv/app/.data");
 * await release();
 */
export function lockDataDir(dataDir: string): () => void {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const lockPath = join(folder, DATA_DIR_LOCK_FILE);
  const inUse = (pid: number) =>
    new DatabaseError(
      "DATA_DIR_IN_USE",
      `The data folder ${folder} is in use by process ${pid}. An embedded database belongs to one process: stop that one, give this one another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between instances.`,
    );
  if (heldHere.has(folder)) throw inUse(process.pid);
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = readOwner(lockPath);
    if (owner !== null && owner !== process.pid && isAlive(owner)) throw inUse(owner);
    // Left behind by a process that died without closing: ours now.
    writeFileSync(lockPath, String(process.pid));
  }
  heldHere.add(folder);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    heldHere.delete(folder);
    if (readOwner(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
}
