import type { Browser } from "playwright-core";
import { AppServer } from "./app-server";
import type { AppServerOptions } from "./app-server";
import { launchChromium } from "./chromium";

/** What one test file runs against: one Chromium and one or more app instances. */
export interface E2eStack {
  readonly browser: Browser;
  readonly servers: readonly AppServer[];
  /** Closes the browser, then stops every server still running. */
  close(): Promise<void>;
}

/**
 * Launches Chromium, then starts the app instances one after another
 * (booting is CPU-heavy on two cores). If anything fails, what already
 * started is stopped.
 *
 * @example
 * const stack = await startE2eStack([{ name: "memory" }]);
 * const [server] = stack.servers;
 * await stack.close();
 */
export async function startE2eStack(serverOptions: readonly AppServerOptions[] = [{}]): Promise<E2eStack> {
  const servers: AppServer[] = [];
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
  };
  try {
    // The browser first: a missing Chromium fails in a second, not after the servers booted.
    browser = await launchChromium();
    for (const options of serverOptions) servers.push(await AppServer.start(options));
    return { browser, servers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

let counter = 0;

/**
 * A label no earlier run or other test used, so assertions about "this
 * notification" or "this poll" hold on a shared Redis too.
 *
 * @example
 * const title = uniqueLabel("Deploy finished"); // "Deploy finished mhx2k1-3"
 */
export function uniqueLabel(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}-${counter}`;
}
