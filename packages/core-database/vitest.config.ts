import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite clusters start from a snapshot (WASM, gzip) and real PostgreSQL on a 2-core machine
    // shared with the whole `pnpm test`: a data-folder test takes 4-5 s alone, so vitest's default
    // 5 s bound failed CI under load. Tests wait for conditions, never for a window of real time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
