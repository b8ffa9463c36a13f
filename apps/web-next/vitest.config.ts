import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts", "app/**/*.test.ts"],
    // Integration tests start the real server (Next included) in-process.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
