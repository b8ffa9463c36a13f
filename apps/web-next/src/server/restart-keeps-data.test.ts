import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres, seedDataDir } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { DEV_SEED_ARTICLES } from "@repo/articles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnAppInstance } from "./__tests__/app-instance";
import type { AppInstance } from "./__tests__/app-instance";
import { connectSocket } from "./__tests__/realtime-test-client";
import { signIn } from "./__tests__/test-server";
import type { SignedIn } from "./__tests__/test-server";

const postgresAvailable = await probePostgres();

/** Two process starts (each may run initdb or a migration on a loaded machine) plus the calls between them. */
const SCENARIO_TIMEOUT_MS = 600_000;

const QUERIES = new Set(["polls.get", "notifications.list", "articles.list"]);

/** A tRPC call over HTTP: queries are GETs with `?input=`, mutations POSTs; answers the unwrapped data or throws with the status. */
async function trpc<T>(url: string, user: SignedIn | null, procedure: string, input: unknown): Promise<T> {
  const cookie: Record<string, string> = user === null ? {} : { cookie: user.cookie };
  const response = QUERIES.has(procedure)
    ? await fetch(`${url}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: cookie })
    : await fetch(`${url}/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json", ...cookie }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T } };
  if (response.status !== 200 || body.result === undefined) throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.result.data;
}

interface Written {
  readonly pollId: string;
  readonly optionId: string;
  readonly notificationTitle: string;
  readonly articleId: string;
  readonly username: string;
  readonly password: string;
}

/** On a running instance: a new account signs up, alice creates and opens a poll, bob votes over the socket, alice notifies bob, bob publishes an article. */
async function writeEverything(app: AppInstance): Promise<Written> {
  const run = randomUUID().slice(0, 8);
  const username = `carol_${run}`;
  const password = `carol-password-${run}`;
  const signup = await fetch(`${app.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(signup.status).toBe(201);

  const [alice, bob] = await Promise.all([signIn(app.url, "alice", "alice-password"), signIn(app.url, "bob", "bob-password")]);
  const { id: pollId } = await trpc<{ id: string }>(app.url, alice, "polls.create", { question: `Restart ${run}?`, options: ["Keep", "Lose"] });
  await trpc(app.url, alice, "polls.open", { id: pollId });
  const poll = await trpc<{ options: { id: string; label: string }[] }>(app.url, bob, "polls.get", { id: pollId });
  const optionId = poll.options.find((option) => option.label === "Keep")!.id;
  const socket = await connectSocket(app.url, { cookie: bob.cookie });
  try {
    expect(await socket.subscribe(`polls.${pollId}`)).toMatchObject({ ok: true });
    expect(await socket.publish(`polls.${pollId}`, { optionId })).toMatchObject({ ok: true });
  } finally {
    socket.close();
  }

  const notificationTitle = `Before the restart ${run}`;
  await trpc(app.url, alice, "notifications.send", { userId: bob.userId, title: notificationTitle, body: "still here?" });
  const { id: articleId } = await trpc<{ id: string }>(app.url, bob, "articles.publish", { title: `Survives ${run}`, body: "written before a restart" });
  return { pollId, optionId, notificationTitle, articleId, username, password };
}

/** On the restarted instance: everything written before is read back, and the dev seed did not run twice. */
async function expectEverything(app: AppInstance, written: Written): Promise<void> {
  // Sessions lived in the stopped process (no Redis here): sign in again, which also proves the accounts survived.
  const bob = await signIn(app.url, "bob", "bob-password");
  await signIn(app.url, written.username, written.password);

  const poll = await trpc<{ status: string; options: { id: string; votes: number }[] }>(app.url, bob, "polls.get", { id: written.pollId });
  expect(poll.status).toBe("open");
  expect(poll.options.find((option) => option.id === written.optionId)?.votes).toBe(1);
  expect(poll.options.reduce((sum, option) => sum + option.votes, 0)).toBe(1);

  const inbox = await trpc<{ notifications: { title: string; read: boolean }[] }>(app.url, bob, "notifications.list", {});
  expect(inbox.notifications.filter((n) => n.title === written.notificationTitle)).toEqual([expect.objectContaining({ read: false })]);

  const articles = await trpc<{ id: string; authorId: string }[]>(app.url, null, "articles.list", { limit: 50 });
  expect(articles.filter((a) => a.id === written.articleId)).toEqual([expect.objectContaining({ authorId: bob.userId })]);
  // The dev seed ran on both starts: each seed article is stored once.
  expect(articles.filter((a) => DEV_SEED_ARTICLES.some((seed) => seed.id === a.id))).toHaveLength(DEV_SEED_ARTICLES.length);
}

/** Starts the app, writes, stops it with SIGTERM (exit 0), starts it again on the same store and reads everything back. */
async function restartScenario(store: Record<string, string>): Promise<void> {
  const first = await spawnAppInstance(store);
  let written: Written;
  try {
    written = await writeEverything(first);
  } finally {
    expect(await first.kill("SIGTERM"), first.output()).toBe(0);
  }
  const second = await spawnAppInstance(store);
  try {
    await expectEverything(second, written);
  } finally {
    await second.kill("SIGTERM");
  }
}

// Real processes (node + tsx, API only), the app's own APP_SEED=dev users; nothing shared with other tests.
describe("a restart keeps accounts, polls, votes, notifications and articles", () => {
  describe("on the default embedded store (DATA_DIR)", () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), "web-next-restart-"));
      // An empty cluster copied, not initdb in the child (the restart is the subject, not a folder's first open).
      await seedDataDir(dataDir);
    }, SCENARIO_TIMEOUT_MS);
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it("everything written before SIGTERM is there after the next start on the same folder", async () => {
      await restartScenario({ DATA_DIR: dataDir });
    }, SCENARIO_TIMEOUT_MS);
  });

  describeWithPostgres(postgresAvailable)("on PostgreSQL (DATABASE_URL, a fresh database)", () => {
    let testDb: TestPostgresDatabase;
    beforeAll(async () => {
      testDb = await createTestPostgresDatabase("web_next_restart");
    });
    afterAll(async () => {
      await testDb.drop();
    });

    it("everything written before SIGTERM is there after the next start on the same database", async () => {
      await restartScenario({ DATABASE_URL: testDb.url });
    }, SCENARIO_TIMEOUT_MS);
  });
});
