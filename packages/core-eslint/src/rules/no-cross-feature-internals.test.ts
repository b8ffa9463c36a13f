import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

import { inWorkspace, locationOf, ruleTester } from "../__tests__/rule-test-kit";
import type { NoCrossFeatureInternalsMessageIds } from "./no-cross-feature-internals";
import { noCrossFeatureInternals } from "./no-cross-feature-internals";

const appPage = inWorkspace("apps/web/src/page.ts");
const brokenFile = inWorkspace("packages/broken/src/use-polls.ts");

function invalid(
  name: string,
  code: string,
  filename: string,
  needle: string,
  messageId: NoCrossFeatureInternalsMessageIds,
  data?: Record<string, string>,
): InvalidTestCase<NoCrossFeatureInternalsMessageIds, []> {
  return { name, code, filename, errors: [{ messageId, ...(data ? { data } : {}), ...locationOf(code, needle) }] };
}

ruleTester.run("no-cross-feature-internals", noCrossFeatureInternals, {
  valid: [
    { name: "a package root", code: 'import { pollVotesChannel } from "@repo/polls";', filename: appPage },
    { name: "a declared subpath export", code: 'import { pollsTestKit } from "@repo/polls/testing";', filename: appPage },
    { name: "relative imports inside the package", code: 'import { tally } from "./internal/tally";', filename: inWorkspace("packages/polls/src/testing.ts") },
    { name: "parent-relative imports inside the package", code: 'import { x } from "../../package.json";', filename: inWorkspace("packages/polls/src/di/symbols.ts") },
    { name: "a tsconfig alias inside the package", code: 'import { tally } from "~/internal/tally";', filename: inWorkspace("packages/polls/src/testing.ts") },
    { name: "third-party subpaths are not workspace packages", code: 'import { x } from "zod/v4";', filename: appPage },
    { name: "a package not in the workspace", code: 'import { x } from "@repo/not-here/src/x";', filename: appPage },
  ],
  invalid: [
    invalid(
      "a deep import into src/",
      'import { tally } from "@repo/polls/src/internal/tally";',
      brokenFile,
      '"@repo/polls/src/internal/tally"',
      "notExported",
      { specifier: "@repo/polls/src/internal/tally", package: "@repo/polls", subpath: "src/internal/tally", entries: "'@repo/polls', '@repo/polls/testing'" },
    ),
    invalid("a subpath that only looks public", 'import { x } from "@repo/polls/internal";', brokenFile, '"@repo/polls/internal"', "notExported"),
    invalid("a type-only deep import", 'import type { IRealtimeBroadcaster } from "@repo/core-realtime/src/broadcaster";', appPage, '"@repo/core-realtime/src/broadcaster"', "notExported"),
    invalid("a re-export of internals", 'export { tally } from "@repo/polls/src/internal/tally";', brokenFile, '"@repo/polls/src/internal/tally"', "notExported"),
    invalid("require()", 'const { tally } = require("@repo/polls/src/internal/tally");', brokenFile, '"@repo/polls/src/internal/tally"', "notExported"),
    invalid("dynamic import()", 'export const load = () => import("@repo/polls/src/testing");', brokenFile, '"@repo/polls/src/testing"', "notExported"),
    invalid(
      "a relative path into another package",
      'import { tally } from "../../polls/src/internal/tally";',
      brokenFile,
      '"../../polls/src/internal/tally"',
      "outsidePackage",
      { specifier: "../../polls/src/internal/tally", target: "packages/polls", instead: "'@repo/polls' (an entry in its package.json exports)" },
    ),
    invalid(
      "a relative path from an app into a package",
      'export * from "../../../packages/polls/src/index";',
      appPage,
      '"../../../packages/polls/src/index"',
      "outsidePackage",
    ),
    invalid("a tsconfig alias into another package", 'import { queue } from "@broken/queue";', inWorkspace("packages/polls/src/testing.ts"), '"@broken/queue"', "outsidePackage"),
    invalid("a package.json imports alias to another package's internals", 'import { queue } from "#broken-internals";', inWorkspace("packages/polls/src/testing.ts"), '"#broken-internals"', "notExported"),
  ],
});
