import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

import { inBarrels, inWorkspace, locationOf, ruleTester } from "../__tests__/rule-test-kit";
import type { HandlerPrivacyMessageIds } from "../handler-privacy";
import { noRealtimeHandlerReexport } from "./no-realtime-handler-reexport";

const polls = (path: string): string => inWorkspace(`packages/polls/${path}`);

function invalid(
  name: string,
  code: string,
  filename: string,
  needle: string,
  messageId: HandlerPrivacyMessageIds,
  data?: Record<string, string>,
): InvalidTestCase<HandlerPrivacyMessageIds, []> {
  return { name, code, filename, errors: [{ messageId, ...(data ? { data } : {}), ...locationOf(code, needle) }] };
}

ruleTester.run("no-realtime-handler-reexport", noRealtimeHandlerReexport, {
  valid: [
    {
      name: "the feature's bind-production imports its handler",
      code: 'import { onVote } from "./realtime/handlers/on-vote.handler";',
      filename: polls("src/bind-production.ts"),
    },
    {
      name: "the feature's bind-dev-seed imports its handler through a # alias",
      code: 'import { onVote } from "#handlers/on-vote.handler";',
      filename: polls("src/bind-dev-seed.ts"),
    },
    {
      name: "a bind file imports its handler dynamically",
      code: 'export const load = () => import("./realtime/handlers/on-vote.handler");',
      filename: polls("src/bind-production.ts"),
    },
    {
      name: "the test beside the handler",
      code: 'import { onVote } from "./on-vote.handler";',
      filename: polls("src/realtime/handlers/on-vote.handler.test.ts"),
    },
    {
      name: "the barrel exports the channel descriptor",
      code: 'export { pollVotesChannel } from "./realtime/poll-votes.channel";',
      filename: polls("src/index.ts"),
    },
    {
      name: "a handler imports its channel",
      code: 'import { pollVotesChannel } from "../poll-votes.channel";',
      filename: polls("src/realtime/handlers/on-vote.handler.ts"),
    },
    {
      name: "event handlers are the other rule's business",
      code: 'import { onPollClosed } from "./events/handlers/on-poll-closed.handler";',
      filename: polls("src/use-cases/close.ts"),
    },
    {
      name: "a re-export chain that reaches only channels",
      code: 'export * from "./clean";',
      filename: inBarrels("packages/leaky/src/public.ts"),
    },
    {
      name: "an export * cycle terminates",
      code: 'export * from "./cycle-a";',
      filename: inBarrels("packages/leaky/src/public.ts"),
    },
  ],
  invalid: [
    invalid(
      "a use case imports a handler",
      'import { onVote } from "./realtime/handlers/on-vote.handler";',
      polls("src/use-cases/vote.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "importHandler",
      { specifier: "./realtime/handlers/on-vote.handler" },
    ),
    invalid(
      "another feature's bind file imports it",
      'import { onVote } from "@repo/polls/src/realtime/handlers/on-vote.handler";',
      inWorkspace("packages/broken/src/bind-production.ts"),
      '"@repo/polls/src/realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "a bind file below src/ is not a bind file",
      'import { onVote } from "../realtime/handlers/on-vote.handler";',
      polls("src/nested/bind-production.ts"),
      '"../realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "an app requires a handler",
      'const { onVote } = require("@repo/polls/src/realtime/handlers/on-vote.handler");',
      inWorkspace("apps/web/server.ts"),
      '"@repo/polls/src/realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "dynamic import from outside the bind files",
      'export const load = () => import("./realtime/handlers/on-vote.handler");',
      polls("src/lazy.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "type-only import",
      'import type { onVote } from "./realtime/handlers/on-vote.handler";',
      polls("src/types.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "package.json imports alias (#handlers/*)",
      'import { onVote } from "#handlers/on-vote.handler";',
      polls("src/use-cases/vote.ts"),
      '"#handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "tsconfig paths alias (~/*)",
      'import { onVote } from "~/realtime/handlers/on-vote.handler";',
      polls("src/use-cases/vote.ts"),
      '"~/realtime/handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "a relative path that hides the segment",
      'import { onVote } from "./handlers/on-vote.handler";',
      polls("src/realtime/registry.ts"),
      '"./handlers/on-vote.handler"',
      "importHandler",
    ),
    invalid(
      "a package exports entry that points at a handler",
      'import { onVote } from "@repo/leaky/handlers";',
      inBarrels("packages/consumer/src/index.ts"),
      '"@repo/leaky/handlers"',
      "importHandler",
    ),
    invalid(
      "the root barrel re-exports a handler",
      'export { onVote } from "./realtime/handlers/on-vote.handler";',
      polls("src/index.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "reexportHandler",
      { specifier: "./realtime/handlers/on-vote.handler" },
    ),
    invalid(
      "even a bind file may not re-export it",
      'export { onVote } from "./realtime/handlers/on-vote.handler";',
      polls("src/bind-production.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "reexportHandler",
    ),
    invalid(
      "export * of a handler",
      'export * from "./realtime/handlers/on-vote.handler";',
      polls("src/index.ts"),
      '"./realtime/handlers/on-vote.handler"',
      "reexportHandler",
    ),
    invalid(
      "a barrel inside the handlers folder",
      'export { onVote } from "./on-vote.handler";',
      polls("src/realtime/handlers/index.ts"),
      '"./on-vote.handler"',
      "reexportHandler",
    ),
    invalid(
      "re-export through a tsconfig alias",
      'export type { onVote } from "~/realtime/handlers/on-vote.handler";',
      polls("src/testing.ts"),
      '"~/realtime/handlers/on-vote.handler"',
      "reexportHandler",
    ),
    invalid(
      "an export * chain over two barrels",
      'export * from "./realtime";',
      inBarrels("packages/leaky/src/public.ts"),
      '"./realtime"',
      "reexportChain",
      {
        specifier: "./realtime",
        handler: "packages/leaky/src/realtime/handlers/on-vote.handler.ts",
        chain: "packages/leaky/src/realtime/index.ts -> packages/leaky/src/realtime/nested.ts",
      },
    ),
    invalid(
      "a named re-export of a barrel that leaks",
      'export { onVote } from "./realtime/nested";',
      inBarrels("packages/leaky/src/public.ts"),
      '"./realtime/nested"',
      "reexportChain",
    ),
    invalid(
      "a chain that crosses packages",
      'export * from "@repo/leaky";',
      inBarrels("packages/consumer/src/index.ts"),
      '"@repo/leaky"',
      "reexportChain",
      {
        specifier: "@repo/leaky",
        handler: "packages/leaky/src/realtime/handlers/on-vote.handler.ts",
        chain:
          "packages/leaky/src/index.ts -> packages/leaky/src/realtime/index.ts -> packages/leaky/src/realtime/nested.ts",
      },
    ),
    invalid(
      "a chain through a file that does not parse is reported, not crashed on",
      'export * from "./broken-syntax";',
      inBarrels("packages/leaky/src/public.ts"),
      '"./broken-syntax"',
      "unreadableBarrel",
    ),
  ],
});
