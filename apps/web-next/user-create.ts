/**
 * `pnpm user:create [--admin] <username>` (root or app): creates an account on DATABASE_URL, or
 * on the embedded store in DATA_DIR (default apps/web-next/.data), opened and migrated as
 * `pnpm db:migrate` does. The password comes from standard input only: typed twice without echo
 * at a terminal, or piped (`pnpm user:create --admin root < password-file`). Exits 0 when created,
 * 1 when the name is taken or the store refuses (DATA_DIR_IN_USE while a server holds the folder),
 * 2 for bad usage or a password that breaks the rules.
 */
import { createLogger } from "@repo/core-observability";
import { loadProcessEnv } from "./src/env";
import { featureMigrations } from "./src/feature-migrations";
import { readPassword } from "./src/server/read-password";
import { runUserCreate } from "./src/server/user-create";

const { env } = loadProcessEnv();
const logger = createLogger({ name: "user-create", level: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL });
process.exitCode = await runUserCreate(env, process.argv.slice(2), featureMigrations, logger, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readPassword: (username) => readPassword(process.stdin, process.stderr, username),
});
