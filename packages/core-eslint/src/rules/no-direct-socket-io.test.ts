import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

import { inWorkspace, locationOf, ruleTester } from "../__tests__/rule-test-kit";
import type { NoDirectSocketIoOptions } from "./no-direct-socket-io";
import { DEFAULT_SOCKET_IO_ALLOW, noDirectSocketIo } from "./no-direct-socket-io";

const featureFile = inWorkspace("packages/polls/src/notify.ts");
const defaultAllowed = DEFAULT_SOCKET_IO_ALLOW.join(" or ");

function invalid(
  name: string,
  code: string,
  { needle, module = "socket.io", filename = featureFile, options, allowed = defaultAllowed }: {
    needle: string;
    module?: string;
    filename?: string;
    options?: NoDirectSocketIoOptions;
    allowed?: string;
  },
): InvalidTestCase<"noDirectSocketIo", NoDirectSocketIoOptions> {
  return {
    name,
    code,
    filename,
    ...(options === undefined ? {} : { options }),
    errors: [{ messageId: "noDirectSocketIo", data: { module, allowed }, ...locationOf(code, needle) }],
  };
}

ruleTester.run("no-direct-socket-io", noDirectSocketIo, {
  valid: [
    { name: "unrelated import in a feature", code: 'import { z } from "zod";', filename: featureFile },
    {
      name: "the core-realtime adapter file",
      code: 'import { Server } from "socket.io";',
      filename: inWorkspace("packages/core-realtime/src/broadcast/socket-io-realtime-broadcaster.ts"),
    },
    {
      name: "an app's custom server",
      code: 'import { Server } from "socket.io";\nimport { io } from "socket.io-client";',
      filename: inWorkspace("apps/web/server.ts"),
    },
    {
      name: "packages whose names only start alike",
      code: 'import { Encoder } from "socket.io-parser";\nimport { createAdapter } from "@socket.io/redis-adapter";',
      filename: featureFile,
    },
    {
      name: "a computed specifier cannot be judged statically",
      code: 'const name = "socket.io";\nexport const load = () => import(name);',
      filename: featureFile,
    },
    {
      name: "a configured allowlist entry",
      code: 'import { io } from "socket.io-client";',
      filename: inWorkspace("packages/polls/src/realtime/handlers/on-vote.handler.test.ts"),
      options: [{ allow: ["**/*.test.ts"] }],
    },
    {
      name: "a package.json imports alias to something else",
      code: 'import { onVote } from "#handlers/on-vote.handler";',
      filename: featureFile,
    },
  ],
  invalid: [
    invalid("value import", 'import { Server } from "socket.io";', { needle: '"socket.io"' }),
    invalid("client import", 'import { io } from "socket.io-client";', {
      needle: '"socket.io-client"',
      module: "socket.io-client",
    }),
    invalid("type-only import", 'import type { Socket } from "socket.io-client";', {
      needle: '"socket.io-client"',
      module: "socket.io-client",
    }),
    invalid("subpath import", 'import { url } from "socket.io-client/build/esm/url";', {
      needle: '"socket.io-client/build/esm/url"',
      module: "socket.io-client",
    }),
    invalid("require()", 'const { Server } = require("socket.io");', { needle: '"socket.io"' }),
    invalid("dynamic import()", 'export const load = () => import("socket.io");', { needle: '"socket.io"' }),
    invalid("dynamic import() of a template literal", "export const load = () => import(`socket.io-client`);", {
      needle: "`socket.io-client`",
      module: "socket.io-client",
    }),
    invalid("named re-export", 'export { Server } from "socket.io";', { needle: '"socket.io"' }),
    invalid("star re-export", 'export * from "socket.io-client";', {
      needle: '"socket.io-client"',
      module: "socket.io-client",
    }),
    invalid("type-only re-export", 'export type { Socket } from "socket.io";', { needle: '"socket.io"' }),
    invalid("import = require()", 'import io = require("socket.io");', { needle: '"socket.io"' }),
    invalid("typeof import() type", 'type IO = typeof import("socket.io");\nexport type { IO };', {
      needle: '"socket.io"',
    }),
    invalid("package.json imports alias (#io -> socket.io)", 'import { Server } from "#io";', { needle: '"#io"' }),
    invalid("tsconfig paths alias into node_modules/socket.io", 'import { Server } from "@io";', { needle: '"@io"' }),
    invalid("core-realtime files not named socket-io-*", 'import { Server } from "socket.io";', {
      needle: '"socket.io"',
      filename: inWorkspace("packages/core-realtime/src/broadcaster.ts"),
    }),
    invalid("app files other than server.ts", 'import { io } from "socket.io-client";', {
      needle: '"socket.io-client"',
      module: "socket.io-client",
      filename: inWorkspace("apps/web/src/page.ts"),
    }),
    invalid("tests, unless the allowlist names them", 'import { io } from "socket.io-client";', {
      needle: '"socket.io-client"',
      module: "socket.io-client",
      filename: inWorkspace("packages/polls/src/realtime/handlers/on-vote.handler.test.ts"),
    }),
    invalid("a configured allowlist replaces the default", 'import { Server } from "socket.io";', {
      needle: '"socket.io"',
      filename: inWorkspace("apps/web/server.ts"),
      options: [{ allow: ["packages/core-realtime/**"] }],
      allowed: "packages/core-realtime/**",
    }),
    {
      name: "every reference in a file is reported",
      code: 'import { Server } from "socket.io";\nimport { io } from "socket.io-client";',
      filename: featureFile,
      errors: [
        { messageId: "noDirectSocketIo", line: 1, column: 24 },
        { messageId: "noDirectSocketIo", line: 2, column: 20 },
      ],
    },
  ],
});
