import { repoConfig } from "@repo/eslint-config";

// Browser entries (`.`, `./client`, `./react`) and the folders they pull in must stay free of
// server code: a page bundle must never depend on tree-shaking to drop Socket.IO's server or Redis.
const BROWSER_FILES = [
  "src/index.ts",
  "src/client.ts",
  "src/react.ts",
  "src/socket-io-client.ts",
  "src/channels/**/*.ts",
  "src/protocol/**/*.ts",
  "src/client/**/*.ts",
  "src/react/**/*.ts",
];

export default repoConfig(import.meta.dirname, {
  files: BROWSER_FILES,
  ignores: ["**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          { name: "socket.io", message: "Browser entries never import the Socket.IO server." },
          { name: "redis", message: "Browser entries never import Redis." },
          { name: "@repo/core-observability", message: "Browser entries never import the server's logger and tracer." },
          { name: "@repo/core-events", message: "Browser entries never import the event bus." },
        ],
        patterns: [
          {
            group: ["@repo/*/src", "@repo/*/src/**"],
            message: "Import a package through its public entry (its package.json `exports`), never its src/.",
          },
          { group: ["node:*", "@socket.io/*"], message: "Browser entries never import Node built-ins or Socket.IO server adapters." },
          {
            regex: "^\\.{1,2}/(?:\\.\\./)*(?:server|broadcast|handlers|history|presence|rate-limits|redis)(?:/|$)",
            message: "Browser entries (., ./client, ./react) never import server code: it belongs behind ./server.",
          },
        ],
      },
    ],
  },
});
