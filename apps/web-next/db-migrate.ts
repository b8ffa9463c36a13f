/**
 * `pnpm db:migrate` (root or app): brings DATABASE_URL, or the embedded store in DATA_DIR
 * (default apps/web-next/.data), to every feature's latest migration and prints what ran.
 * Exits 0, or 1 naming the failed feature/migration (or DATA_DIR_IN_USE while a server
 * holds the folder). The server applies the same migrations at start-up; this is for
 * deploy pipelines that migrate first.
 */
import { createLogger } from "@repo/core-observability";
import { loadProcessEnv } from "./src/env";
import { featureMigrations } from "./src/feature-migrations";
import { runDbMigrate } from "./src/server/db-migrate";

const { env } = loadProcessEnv();
const logger = createLogger({ name: "db-migrate", level: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL });
process.exitCode = await runDbMigrate(env, featureMigrations, logger, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
