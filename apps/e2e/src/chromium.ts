import { accessSync, constants } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { e2eEnv } from "./env";

/** Debian's Chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` overrides it. Never `playwright install`. */
const CHROMIUM_PATH = e2eEnv.chromiumPath;

/**
 * Headless without a sandbox (containers run as root) or GPU, and
 * nothing that phones home or updates itself while a test runs.
 */
const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const LAUNCH_TIMEOUT_MS = 60_000;

/** True under `CI=true`, where every missing prerequisite is a failure, never a skip. */
export const IS_CI = e2eEnv.isCi;

/**
 * Whether Chromium can be launched here. When it cannot, says so LOUDLY; the
 * caller skips outside CI (`describe.skipIf(!chromiumAvailable && !IS_CI)`)
 * and fails under CI (the launch in `beforeAll` throws).
 *
 * @example
 * const chromiumAvailable = probeChromium();
 * describe.skipIf(!chromiumAvailable && !IS_CI)("home page", () => { ... });
 */
export function probeChromium(path = CHROMIUM_PATH): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch (error) {
    const verdict = IS_CI ? "FAIL (CI=true)" : "are SKIPPED here";
    console.warn(
      [
        "",
        "!".repeat(78),
        `!!! Chromium is missing at ${path} (${String(error)}).`,
        `!!! Browser end-to-end tests ${verdict}. Install it: apt-get install -y chromium`,
        "!!! (or point CHROMIUM_PATH at a Chromium binary). Never `playwright install`.",
        "!".repeat(78),
        "",
      ].join("\n"),
    );
    return false;
  }
}

/**
 * Launches headless Chromium with the repo's flags. Playwright's `launch()`
 * gives every browser a fresh temporary user-data dir and deletes it on
 * `close()`, so runs never share cookies, storage or caches.
 *
 * @example
 * const browser = await launchChromium();
 * const context = await browser.newContext();
 * await browser.close();
 */
export async function launchChromium(path = CHROMIUM_PATH): Promise<Browser> {
  try {
    accessSync(path, constants.X_OK);
  } catch (error) {
    throw new Error(`Chromium is missing at ${path}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`, { cause: error });
  }
  return chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS], timeout: LAUNCH_TIMEOUT_MS });
}
