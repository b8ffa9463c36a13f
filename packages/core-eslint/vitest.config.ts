import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    // Only src: fixtures/ holds mini-repos whose *.test.ts files are lint inputs, not tests.
    include: ["src/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    // The real-repo lint and the turbo boundaries runs spawn work that takes seconds on 2 cores.
    testTimeout: 60_000,
  },
});
