import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import { DEFAULT_DATA_DIR, DEV_SESSION_SECRET, InvalidEnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills the documented defaults", () => {
    const { env } = parseEnv({});
    expect(env).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      REDIS_URL: undefined,
      DATABASE_URL: undefined,
      DATA_DIR: DEFAULT_DATA_DIR,
      REDIS_KEY_PREFIX: "app:",
      REALTIME_RECOVERY_WINDOW_MS: 120_000,
      REALTIME_PRESENCE_TTL_MS: 30_000,
      REALTIME_PRESENCE_HEARTBEAT_MS: 10_000,
      REDIS_HEALTH_INTERVAL_MS: 2_000,
      SESSION_SECRET: DEV_SESSION_SECRET,
      SESSION_TTL_SECONDS: 86_400,
      COOKIE_SECURE: false,
      CORS_ORIGINS: [],
      REALTIME_PING_INTERVAL_MS: 1000,
      OUTBOX_POLL_INTERVAL_MS: 1000,
      REALTIME_PROTOCOL_VERSION: REALTIME_PROTOCOL_VERSION,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      LOG_LEVEL: "info",
      APP_SEED: "dev",
      REALTIME_LIMITS: {},
      TRPC_MAX_BATCH_SIZE: 10,
      METRICS_TOKEN: undefined,
      REALTIME_API_KEYS: [],
      REALTIME_WEBHOOK_URL: undefined,
      REALTIME_WEBHOOK_SECRET: undefined,
      AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: 10,
      AUTH_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: 100,
      AUTH_LOGIN_WINDOW_SECONDS: 900,
      AUTH_SIGNUP_MAX_PER_ADDRESS: 20,
      AUTH_SIGNUP_WINDOW_SECONDS: 3600,
      AUTH_MAX_SESSIONS_PER_USER: 20,
    });
  });

  describe("the system of record (DATABASE_URL, DATA_DIR)", () => {
    it("defaults to the app's git-ignored .data folder outside tests, and to in-memory under NODE_ENV=test", () => {
      expect(DEFAULT_DATA_DIR).toMatch(/apps\/web-next\/\.data$/);
      expect(parseEnv({ NODE_ENV: "production" }).env.DATA_DIR).toBe(DEFAULT_DATA_DIR);
      expect(parseEnv({ NODE_ENV: "test" }).env.DATA_DIR).toBeUndefined();
    });

    it("takes DATA_DIR=memory:// as a fresh in-memory store in any mode", () => {
      expect(parseEnv({ NODE_ENV: "production", DATA_DIR: "memory://" }).env.DATA_DIR).toBeUndefined();
    });

    it("keeps an absolute DATA_DIR and resolves a relative one against the app folder", () => {
      expect(parseEnv({ NODE_ENV: "test", DATA_DIR: "/srv/app-data" }).env.DATA_DIR).toBe("/srv/app-data");
      expect(parseEnv({ DATA_DIR: "var/db" }).env.DATA_DIR).toBe(join(DEFAULT_DATA_DIR, "..", "var/db"));
    });

    it.each(["postgres://app:pw@db:5432/app", "postgresql://db/app"])("accepts %s", (url) => {
      expect(parseEnv({ DATABASE_URL: url }).env.DATABASE_URL).toBe(url);
    });

    it.each(["mysql://root:hunter2@db/app", "db:5432/app", "not a url"])("refuses %s without echoing it", (url) => {
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(InvalidEnvError);
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
      expect(() => parseEnv({ DATABASE_URL: url })).not.toThrow(/hunter2/);
    });

    it("warns that DATA_DIR is ignored when DATABASE_URL is set", () => {
      expect(parseEnv({ DATABASE_URL: "postgres://db/app", DATA_DIR: "/tmp/x" }).warnings.join()).toContain("DATA_DIR is ignored");
    });
  });

  it("reads the server API keys as a list and refuses a short key without echoing it", () => {
    const long = "k".repeat(32);
    expect(parseEnv({ REALTIME_API_KEYS: ` ${long}, ${long}2 ,` }).env.REALTIME_API_KEYS).toEqual([long, `${long}2`]);
    expect(() => parseEnv({ REALTIME_API_KEYS: `${long},short-secret` })).toThrow(/REALTIME_API_KEYS: every key must be at least 32 characters/);
    expect(() => parseEnv({ REALTIME_API_KEYS: `${long},short-secret` })).not.toThrow(/short-secret/);
  });

  it("takes a webhook URL only with a secret of 32+ characters", () => {
    const secret = "s".repeat(32);
    expect(parseEnv({ REALTIME_WEBHOOK_URL: "https://hooks.example.com/realtime", REALTIME_WEBHOOK_SECRET: secret }).env).toMatchObject({
      REALTIME_WEBHOOK_URL: "https://hooks.example.com/realtime",
      REALTIME_WEBHOOK_SECRET: secret,
    });
    expect(() => parseEnv({ REALTIME_WEBHOOK_URL: "https://hooks.example.com/realtime" })).toThrow(/REALTIME_WEBHOOK_SECRET is required/);
    expect(() => parseEnv({ REALTIME_WEBHOOK_URL: "ftp://x", REALTIME_WEBHOOK_SECRET: secret })).toThrow(/REALTIME_WEBHOOK_URL/);
    expect(() => parseEnv({ REALTIME_WEBHOOK_URL: "https://x.test", REALTIME_WEBHOOK_SECRET: "short" })).toThrow(/REALTIME_WEBHOOK_SECRET: at least 32/);
  });

  it("reads the protocol version the realtime server speaks and refuses one that is not major.minor.patch", () => {
    expect(parseEnv({ REALTIME_PROTOCOL_VERSION: "2.0.0" }).env.REALTIME_PROTOCOL_VERSION).toBe("2.0.0");
    expect(parseEnv({ REALTIME_PROTOCOL_VERSION: " 3.1.0 " }).env.REALTIME_PROTOCOL_VERSION).toBe("3.1.0");
    for (const bad of ["2", "v2.0.0", "2.0.0-beta"]) {
      expect(() => parseEnv({ REALTIME_PROTOCOL_VERSION: bad })).toThrow(/REALTIME_PROTOCOL_VERSION: must be major.minor.patch/);
    }
  });

  it("warns loudly when the public dev secret is used", () => {
    expect(parseEnv({ NODE_ENV: "development" }).warnings.join()).toContain("PUBLIC development secret");
  });

  it("generates a random per-process secret in production when none is set, with a warning", () => {
    const first = parseEnv({ NODE_ENV: "production" });
    const second = parseEnv({ NODE_ENV: "production" });
    expect(first.env.SESSION_SECRET).not.toBe(DEV_SESSION_SECRET);
    expect(first.env.SESSION_SECRET).not.toBe(second.env.SESSION_SECRET);
    expect(first.env.SESSION_SECRET.length).toBeGreaterThanOrEqual(43);
    expect(first.warnings.join()).toContain("will not survive a restart");
  });

  it.each([
    { env: { NODE_ENV: "production" }, secure: true },
    { env: { NODE_ENV: "production", COOKIE_SECURE: "false" }, secure: false },
    { env: { NODE_ENV: "development" }, secure: false },
    { env: { NODE_ENV: "development", COOKIE_SECURE: "true" }, secure: true },
  ])("COOKIE_SECURE for $env is $secure", ({ env, secure }) => {
    expect(parseEnv(env).env.COOKIE_SECURE).toBe(secure);
  });

  it("parses numbers, lists and a given secret without warnings", () => {
    const { env, warnings } = parseEnv({
      PORT: "0",
      SESSION_SECRET: "x".repeat(40),
      SESSION_TTL_SECONDS: "2",
      CORS_ORIGINS: "https://a.example, https://b.example ,",
      REDIS_URL: "redis://127.0.0.1:6379",
      APP_SEED: "none",
    });
    expect(warnings).toEqual([]);
    expect(env).toMatchObject({
      PORT: 0,
      SESSION_TTL_SECONDS: 2,
      CORS_ORIGINS: ["https://a.example", "https://b.example"],
      REDIS_URL: "redis://127.0.0.1:6379",
      APP_SEED: "none",
    });
  });

  it("keeps the outbox fault hook under NODE_ENV=test only, and warns when it is set anywhere else", () => {
    expect(parseEnv({ NODE_ENV: "test", OUTBOX_TEST_EXIT_AFTER_COMMIT: "notifications.user.bob" }).env.OUTBOX_TEST_EXIT_AFTER_COMMIT).toBe("notifications.user.bob");
    for (const NODE_ENV of ["development", "production"]) {
      const { env, warnings } = parseEnv({ NODE_ENV, SESSION_SECRET: "s".repeat(32), OUTBOX_TEST_EXIT_AFTER_COMMIT: "notifications.user.bob" });
      expect(env.OUTBOX_TEST_EXIT_AFTER_COMMIT).toBeUndefined();
      expect(warnings).toContain("OUTBOX_TEST_EXIT_AFTER_COMMIT is ignored: the outbox fault hook only works under NODE_ENV=test.");
    }
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ REDIS_URL: "", NODE_ENV: "", PORT: " " }).env).toMatchObject({ REDIS_URL: undefined, NODE_ENV: "development", PORT: 3000 });
  });

  it.each([
    { name: "PORT", value: "http" },
    { name: "APP_SEED", value: "prod" },
    { name: "REDIS_URL", value: "http://localhost" },
    { name: "COOKIE_SECURE", value: "yes" },
    { name: "SESSION_TTL_SECONDS", value: "0" },
    { name: "REDIS_KEY_PREFIX", value: "has spaces" },
    { name: "REALTIME_PRESENCE_HEARTBEAT_MS", value: "20000" },
    { name: "TRPC_MAX_BATCH_SIZE", value: "4" },
    { name: "AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT", value: "0" },
    { name: "AUTH_SIGNUP_MAX_PER_ADDRESS", value: "0" },
    { name: "AUTH_SIGNUP_WINDOW_SECONDS", value: "-1" },
  ])("fails fast on an invalid $name", ({ name, value }) => {
    expect(() => parseEnv({ [name]: value })).toThrow(InvalidEnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(name);
  });
});

describe("APP_SEED: production is safe by default", () => {
  it.each([
    { env: { NODE_ENV: "production" }, seed: "none" },
    { env: { NODE_ENV: "development" }, seed: "dev" },
    { env: { NODE_ENV: "test" }, seed: "dev" },
    { env: { NODE_ENV: "production", APP_SEED: "dev" }, seed: "dev" },
    { env: { NODE_ENV: "development", APP_SEED: "none" }, seed: "none" },
  ])("$env -> APP_SEED $seed", ({ env, seed }) => {
    expect(parseEnv(env).env.APP_SEED).toBe(seed);
  });

  it("warns, naming the seeded accounts, when production is told to seed", () => {
    const warning = parseEnv({ NODE_ENV: "production", APP_SEED: "dev", SESSION_SECRET: "x".repeat(40) }).warnings.join("\n");
    expect(warning).toMatch(/APP_SEED=dev in production/);
    expect(warning).toContain("alice (admin)");
    expect(warning).toContain("bob");
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) }).warnings).toEqual([]);
  });
});
