import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // Real sockets, real Redis and real PostgreSQL on a 2-core machine shared with the whole
    // `pnpm test`: tests wait for conditions with generous bounds, so the per-test bound is generous too.
    testTimeout: 60_000,
    // One module graph per worker instead of one per file: every file imports Socket.IO, Redis and
    // pg, and re-importing them per file was half of the package's wall time (75 s -> 36 s here).
    // Files share no state through modules: each starts its own servers, stores and clocks.
    isolate: false,
    hookTimeout: 60_000,
  },
});
