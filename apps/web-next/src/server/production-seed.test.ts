import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { startServer } from "./start-server";
import type { RunningServer } from "./start-server";
import { TEST_SESSION_SECRET } from "./__tests__/test-server";

// A production start with no APP_SEED, as `pnpm start` runs it (pages left out: this is about accounts).
describe("a production start without APP_SEED", () => {
  let server: RunningServer;

  beforeAll(async () => {
    const { env } = parseEnv({ NODE_ENV: "production", SESSION_SECRET: TEST_SESSION_SECRET, COOKIE_SECURE: "false", LOG_LEVEL: "silent" });
    // In memory: the production default DATA_DIR is the app's one shared folder.
    server = await startServer({ env, port: 0, host: "127.0.0.1", next: false, database: { store: "memory" } });
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  it.each([
    ["alice", "alice-password"],
    ["bob", "bob-password"],
  ])("has no seeded %s: signing in answers 401", async (username, password) => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(401);
  });
});
