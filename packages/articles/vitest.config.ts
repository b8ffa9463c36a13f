import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite, PostgreSQL and real sockets on a 2-core machine shared with the whole `pnpm test`:
    // tests wait for conditions with generous bounds, so the per-test and hook bounds are generous too.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One module graph per worker instead of one per file (as in core-realtime and web-next): every
    // file imports the core packages again otherwise, and that import phase was half of a feature's
    // CPU (polls 22.9 s -> 10.0 s). Files share no state through modules: each builds its own
    // stores, containers and clocks, and restores any fake timers it installs.
    isolate: false,
  },
});
