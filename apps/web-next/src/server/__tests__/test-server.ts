import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { parseEnv } from "../../env";
import type { AppEnv } from "../../env";
import { startServer } from "../start-server";
import type { RunningServer, StartServerOptions } from "../start-server";

export const TEST_SESSION_SECRET = "integration-test-secret-0123456789abcdef";

export interface TestServer extends RunningServer {
  readonly env: AppEnv;
  readonly logs: LogCapture;
}

/**
 * The real server on a free port of 127.0.0.1, configured like a dev start
 * (seeded alice/bob) with a fast ping tick. `next: { dev: false }` serves the
 * `next build` output; `false` leaves pages out for API-only tests.
 * The store is a fresh in-memory PGlite, also for NODE_ENV=production
 * overrides (whose default DATA_DIR is the app's one shared folder), unless
 * the overrides name DATABASE_URL or DATA_DIR.
 */
export async function startTestServer(
  overrides: Record<string, string> = {},
  next: { readonly dev: boolean } | false = false,
  extra: Pick<StartServerOptions, "extraBroadcastSources"> = {},
): Promise<TestServer> {
  const { env } = parseEnv({
    NODE_ENV: "test",
    SESSION_SECRET: TEST_SESSION_SECRET,
    REALTIME_PING_INTERVAL_MS: "100",
    SHUTDOWN_TIMEOUT_MS: "5000",
    APP_SEED: "dev",
    ...overrides,
  });
  const logs = createLogCapture({ level: "debug" });
  const ownStore = overrides.DATABASE_URL !== undefined || overrides.DATA_DIR !== undefined;
  const running = await startServer({ ...extra, env, port: 0, host: "127.0.0.1", next, logger: logs.logger, ...(ownStore ? {} : { database: { store: "memory" } as const }) });
  return Object.assign(running, { env, logs });
}

export interface SignedIn {
  readonly token: string;
  /** The `session=...` pair, ready for a Cookie header. */
  readonly cookie: string;
  readonly setCookie: string;
  readonly userId: string;
}

/** Signs in through POST /api/auth/login and returns the token and cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  const body = (await response.json()) as { token: string; user: { id: string } };
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { token: body.token, cookie: setCookie.split(";")[0] ?? "", setCookie, userId: body.user.id };
}

/** Polls `check` until it is true or `timeoutMs` passes (a generous default: a loaded machine is slow, never wrong). */
export async function waitFor(check: () => boolean, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
