import { afterAll, beforeAll, describe } from "vitest";
import type { AppServer } from "./app-server";
import { IS_CI, probeChromium } from "./chromium";
import { startE2eStack } from "./e2e-stack";
import type { E2eStack } from "./e2e-stack";
import { ALICE, BOB } from "./seed-users";
import { showServerLogsOnFailure } from "./server-logs-on-failure";
import { openSignedInPage } from "./user-page";
import type { UserPage } from "./user-page";

const chromiumAvailable = probeChromium();

/**
 * `describe` for browser scenarios: runs when Chromium is there, runs (and
 * fails) under `CI=true` when it is not, and is skipped loudly otherwise
 * (`probeChromium` prints the banner).
 *
 * @example
 * describeInBrowser("polls page", () => { ... });
 */
export const describeInBrowser: ReturnType<typeof describe.skipIf> = describe.skipIf(!chromiumAvailable && !IS_CI);

/** One in-memory production server with alice and bob signed in, each in an isolated browser context. */
export interface SignedInPair {
  readonly stack: E2eStack;
  readonly server: AppServer;
  readonly alice: UserPage;
  readonly bob: UserPage;
}

/**
 * Starts the stack before the enclosing `describe`'s tests, signs alice and
 * bob in through the form, prints the server's log when a test fails, and
 * stops everything afterwards. Read the fields inside tests, not at collection time.
 *
 * @example
 * describeInBrowser("articles page", () => {
 *   const pair = useSignedInPair();
 *   it("...", async () => { await new ArticlesPage(pair.alice.page).open(); });
 * });
 */
export function useSignedInPair(): SignedInPair {
  let stack: E2eStack | undefined;
  let started: SignedInPair | undefined;
  showServerLogsOnFailure(() => stack?.servers ?? []);
  beforeAll(async () => {
    stack = await startE2eStack([{ name: "memory" }]);
    const server = stack.servers[0];
    if (server === undefined) throw new Error("the e2e stack started no server");
    started = {
      stack,
      server,
      alice: await openSignedInPage(stack.browser, server.url, ALICE),
      bob: await openSignedInPage(stack.browser, server.url, BOB),
    };
  });
  afterAll(async () => {
    await stack?.close();
  });
  const current = (): SignedInPair => {
    if (started === undefined) throw new Error("useSignedInPair: read its fields inside a test, after beforeAll");
    return started;
  };
  return {
    get stack() {
      return current().stack;
    },
    get server() {
      return current().server;
    },
    get alice() {
      return current().alice;
    },
    get bob() {
      return current().bob;
    },
  };
}
