import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { e2eEnv } from "./env";

/** apps/e2e/test-output/screenshots (git-ignored): one picture per scenario, for whoever reads a failure. */
const SCREENSHOT_DIR = fileURLToPath(new URL("../test-output/screenshots", import.meta.url));

/** docs/screenshots: the pictures the README shows, refreshed only when asked. */
const DOC_SCREENSHOT_DIR = fileURLToPath(new URL("../../../docs/screenshots", import.meta.url));

function fileNameFor(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name must be kebab-case: ${name}`);
  return `${name}.png`;
}

/**
 * Saves a full-page PNG of `page` as test-output/screenshots/<name>.png and
 * returns its path.
 *
 * @example
 * await saveScreenshot(bob.page, "notifications-bob");
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, fileNameFor(name));
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

/**
 * Like `saveScreenshot`, and with `UPDATE_SCREENSHOTS=1` also copies the
 * picture to docs/screenshots/<name>.png (committed, shown in the README).
 *
 * @example
 * await saveDocScreenshot(alice.page, "home"); // UPDATE_SCREENSHOTS=1 pnpm --filter @repo/e2e test
 */
export async function saveDocScreenshot(page: Page, name: string): Promise<string> {
  const path = await saveScreenshot(page, name);
  if (e2eEnv.updateScreenshots) {
    await mkdir(DOC_SCREENSHOT_DIR, { recursive: true });
    await copyFile(path, join(DOC_SCREENSHOT_DIR, fileNameFor(name)));
  }
  return path;
}
