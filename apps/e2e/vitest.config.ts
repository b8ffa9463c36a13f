import { defineConfig } from "vitest/config";

// The package's own root config (not a `defineProject`): file parallelism is a
// run-wide setting. One file at a time, so two Chromiums and several Next
// servers never fight over the machine's two cores.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    fileParallelism: false,
    maxWorkers: 1,
    // A real browser against real production servers on a loaded machine: generous bounds, never tight timing.
    testTimeout: 180_000,
    // A beforeAll may boot two servers one after the other, each allowed READY_TIMEOUT_MS (300 s, app-server.ts).
    hookTimeout: 660_000,
    teardownTimeout: 60_000,
  },
});
