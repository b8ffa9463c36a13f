/** What the database test kit reads from the environment, in one place (lint allows `process.env` only in `env.ts` files). */
export const testDatabaseEnv = Object.freeze({
  /** The PostgreSQL server tests use: TEST_DATABASE_URL, DATABASE_URL, or the local trust-auth default. */
  postgresUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  /** `CI=true`: a missing server fails instead of skipping. */
  isCi: process.env.CI === "true",
});
