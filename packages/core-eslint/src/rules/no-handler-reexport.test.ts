import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

import { inBarrels, inWorkspace, locationOf, ruleTester } from "../__tests__/rule-test-kit";
import type { HandlerPrivacyMessageIds } from "../handler-privacy";
import { noHandlerReexport } from "./no-handler-reexport";

const polls = (path: string): string => inWorkspace(`packages/polls/${path}`);
const handler = "./events/handlers/on-poll-closed.handler";

function invalid(
  name: string,
  code: string,
  filename: string,
  needle: string,
  messageId: HandlerPrivacyMessageIds,
): InvalidTestCase<HandlerPrivacyMessageIds, []> {
  return { name, code, filename, errors: [{ messageId, ...locationOf(code, needle) }] };
}

ruleTester.run("no-handler-reexport", noHandlerReexport, {
  valid: [
    { name: "bind-production imports its event handler", code: `import { onPollClosed } from "${handler}";`, filename: polls("src/bind-production.ts") },
    { name: "bind-dev-seed imports its event handler", code: `import { onPollClosed } from "${handler}";`, filename: polls("src/bind-dev-seed.ts") },
    {
      name: "the test beside the handler",
      code: 'import { onPollClosed } from "./on-poll-closed.handler";',
      filename: polls("src/events/handlers/on-poll-closed.handler.test.ts"),
    },
    {
      name: "the barrel exports the event descriptor",
      code: 'export { pollClosedEvent } from "./events/poll-closed.event";',
      filename: polls("src/index.ts"),
    },
    {
      name: "realtime handlers are the other rule's business",
      code: 'export { onVote } from "./realtime/handlers/on-vote.handler";',
      filename: polls("src/index.ts"),
    },
    { name: "a chain that reaches only realtime handlers", code: 'export * from "./realtime";', filename: inBarrels("packages/leaky/src/public.ts") },
  ],
  invalid: [
    invalid("a use case imports an event handler", `import { onPollClosed } from "${handler}";`, polls("src/use-cases/close.ts"), `"${handler}"`, "importHandler"),
    invalid(
      "another package imports it",
      'import { onPollClosed } from "@repo/polls/src/events/handlers/on-poll-closed.handler";',
      inWorkspace("apps/web/src/page.ts"),
      '"@repo/polls/src/events/handlers/on-poll-closed.handler"',
      "importHandler",
    ),
    invalid("require()", `const { onPollClosed } = require("${handler}");`, polls("src/use-cases/close.ts"), `"${handler}"`, "importHandler"),
    invalid("dynamic import()", `export const load = () => import("${handler}");`, polls("src/lazy.ts"), `"${handler}"`, "importHandler"),
    invalid(
      "tsconfig paths alias",
      'import { onPollClosed } from "~/events/handlers/on-poll-closed.handler";',
      polls("src/use-cases/close.ts"),
      '"~/events/handlers/on-poll-closed.handler"',
      "importHandler",
    ),
    invalid("barrel re-export", `export { onPollClosed } from "${handler}";`, polls("src/index.ts"), `"${handler}"`, "reexportHandler"),
    invalid("export * re-export", `export * from "${handler}";`, polls("src/index.ts"), `"${handler}"`, "reexportHandler"),
    invalid("an export * chain", 'export * from "./events";', inBarrels("packages/leaky/src/public.ts"), '"./events"', "reexportChain"),
    invalid(
      "a package exports entry that is a leaking barrel",
      'export { onClosed } from "@repo/leaky/events";',
      inBarrels("packages/consumer/src/index.ts"),
      '"@repo/leaky/events"',
      "reexportChain",
    ),
  ],
});
