import { beforeEach } from "vitest";
import type { AppServer } from "./app-server";

/**
 * Prints what the app servers logged when a test of the enclosing `describe`
 * fails: a browser timeout rarely says why, the server's error usually does.
 * Call it at the top of the `describe`, before the tests.
 *
 * @example
 * describe("polls", () => {
 *   let stack: E2eStack | undefined;
 *   showServerLogsOnFailure(() => stack?.servers ?? []);
 * });
 */
export function showServerLogsOnFailure(servers: () => readonly AppServer[]): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      for (const server of servers()) console.error(`\n--- ${server.name} output (last 20 kB) ---\n${server.logTail || "(nothing)"}\n`);
    });
  });
}
