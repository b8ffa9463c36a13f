import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // Real servers, sockets and redis-server processes on a 2-core machine shared with the whole
    // `pnpm test`: tests wait for conditions with generous bounds, so the per-test bound is generous too.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
