import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // A real socket server in start.test.ts on a 2-core machine shared with the whole `pnpm test`:
    // it waits for conditions with generous bounds, so the per-test bound is generous too.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
