import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts", "app/**/*.test.ts"],
    // Integration tests start the real server (Next included) in-process.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One module graph per worker instead of one per file (as in core-realtime): every file imports
    // the whole app (Socket.IO, Redis, pg, PGlite, every feature), and re-importing it per file was
    // a third of the package's wall time. Files share no state through modules: each starts its own
    // servers, stores and clients, reads no process-wide env after import, and uses no module mocks.
    isolate: false,
  },
});
