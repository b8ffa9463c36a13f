/**
 * What the browser tests read from the environment, in one place (lint allows
 * `process.env` only in `env.ts` files).
 */
export const e2eEnv = Object.freeze({
  /** Debian's Chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` overrides it. */
  chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  /** `CI=true`: every missing prerequisite is a failure, never a skip. */
  isCi: process.env.CI === "true",
  /** `UPDATE_SCREENSHOTS=1` copies the documentation screenshots into the repo. */
  updateScreenshots: process.env.UPDATE_SCREENSHOTS === "1",
});

/**
 * A copy of this process's environment for an app server the tests start,
 * without the store variables: each test chooses its own Redis and database.
 */
export function inheritedServerEnv(): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, DATABASE_URL: _database, DATA_DIR: _dataDir, ...inherited } = process.env;
  return inherited;
}
