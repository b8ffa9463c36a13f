import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres, seedDataDir } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_DIR } from "./start-server";
import { signIn, startTestServer } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

const postgresAvailable = await probePostgres();
const REPO_ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const PNPM = join(REPO_ROOT, "node_modules", ".bin", "pnpm");

interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the command as its own process with `stdin` written to its standard
 * input and only the store variables given: the entry through tsx as pnpm
 * runs it, or (`viaPnpm`) the root `pnpm user:create` script itself.
 */
function userCreate(args: readonly string[], stdin: string, store: Record<string, string>, options: { viaPnpm?: boolean } = {}): Promise<Exited> {
  const { DATABASE_URL: _database, DATA_DIR: _dataDir, ...inherited } = process.env;
  const [command, argv, cwd] = options.viaPnpm === true
    ? [PNPM, ["--silent", "user:create", ...args], REPO_ROOT]
    : [process.execPath, ["--import", "tsx", "user-create.ts", ...args], APP_DIR];
  const child = spawn(command, argv, { cwd, env: { ...inherited, NODE_ENV: "production", LOG_LEVEL: "warn", ...store }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`user:create still running after 240 s:\n${stdout}\n${stderr}`));
    }, 240_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function rolesOf(server: TestServer, cookie: string): Promise<unknown> {
  const response = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie } });
  return ((await response.json()) as { result: { data: { roles: unknown } } }).result.data.roles;
}

// Each case spawns processes (tsx start-up, the whole app imported) and opens stores: one exit took 60 s at load 28, so bounds are minutes.
describe("pnpm user:create as a process, refusing bad usage before touching a store", { timeout: 300_000 }, () => {
  it.each([
    { case: "a password on the command line", args: ["--admin", "root", "root-password-1"], stdin: "", error: /Only the username goes on the command line/ },
    { case: "an unknown option", args: ["--admin", "--password=root-password-1", "root"], stdin: "", error: /Unknown option '--password'/ },
    { case: "no username", args: ["--admin"], stdin: "root-password-1\n", error: /Name the user to create/ },
    { case: "an invalid username", args: ["--admin", "r o"], stdin: "root-password-1\n", error: /Username must be/ },
    { case: "nothing on standard input", args: ["--admin", "root"], stdin: "", error: /no password on standard input/ },
    { case: "a password that breaks the rules", args: ["--admin", "root"], stdin: "short\n", error: /at least 8 characters/ },
  ])("exits 2 for $case and says why", async ({ args, stdin, error }) => {
    // DATABASE_URL names a server that does not exist: reaching it would be a different failure (exit 1).
    const result = await userCreate(args, stdin, { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(error);
    expect(result.stdout).toBe("");
  });
});

describe("pnpm user:create on the embedded store in DATA_DIR", { timeout: 900_000 }, () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), "web-next-user-create-")), "data");
    // Still an empty store (no tables: user:create migrates it), but an initialised cluster copied in instead of initdb in WASM.
    await seedDataDir(dataDir);
  }, 240_000);
  afterAll(async () => {
    await rm(join(dataDir, ".."), { recursive: true, force: true });
  });

  it("creates the first admin of an empty store, who then signs in; refuses the folder while a server holds it, and a taken name", async () => {
    const created = await userCreate(["--admin", "root"], "root-password-1\n", { DATA_DIR: dataDir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`user:create: created "root"`);
    expect(created.stdout).toContain(`roles admin) on store=pglite dataDir=${dataDir}`);
    expect(created.stdout + created.stderr).not.toContain("root-password-1");

    const server = await startTestServer({ DATA_DIR: dataDir, APP_SEED: "none" });
    try {
      const root = await signIn(server.url, "root", "root-password-1");
      expect(await rolesOf(server, root.cookie)).toEqual(["admin"]);
      const held = await userCreate(["--admin", "second"], "second-password\n", { DATA_DIR: dataDir });
      expect(held.code).toBe(1);
      expect(held.stderr).toContain("user:create failed [DATA_DIR_IN_USE]");
    } finally {
      await server.shutdown("test done");
    }

    const taken = await userCreate(["--admin", "ROOT"], "another-password\n", { DATA_DIR: dataDir });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`the username "ROOT" is taken`);
    expect(taken.stderr).toContain("nothing changed");
  });
});

describeWithPostgres(postgresAvailable)("pnpm user:create on PostgreSQL (DATABASE_URL)", { timeout: 900_000 }, () => {
  let database: TestPostgresDatabase;

  beforeAll(async () => {
    database = await createTestPostgresDatabase("user_create");
  });
  afterAll(async () => {
    await database.drop();
  });

  it("through the root script: migrates the empty database, creates the admin (password from stdin), who signs in on a server there", async () => {
    const created = await userCreate(["--admin", "ops"], "ops-password-1\n", { DATABASE_URL: database.url }, { viaPnpm: true });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`user:create: created "ops"`);

    const plain = await userCreate(["viewer"], "viewer-password\n", { DATABASE_URL: database.url });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("no roles");

    const server = await startTestServer({ DATABASE_URL: database.url, APP_SEED: "none" });
    try {
      expect(await rolesOf(server, (await signIn(server.url, "ops", "ops-password-1")).cookie)).toEqual(["admin"]);
      expect(await rolesOf(server, (await signIn(server.url, "viewer", "viewer-password")).cookie)).toEqual([]);
    } finally {
      await server.shutdown("test done");
    }
  });
});
