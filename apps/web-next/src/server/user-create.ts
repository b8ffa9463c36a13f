import { parseArgs } from "node:util";
import { accountRuleViolation, createAccountOnDatabase } from "@repo/auth";
import type { FeatureMigrations } from "@repo/core-database";
import type { Logger } from "@repo/core-observability";
import type { AppEnv } from "../env";
import { databaseTargetOf, describeDatabaseTarget, openAppDatabase } from "./open-app-database";
import { startFailureMessage } from "./start-failure";

export interface UserCreateIo {
  /** One line of the report (stdout). */
  readonly out: (line: string) => void;
  /** One line of the failure (stderr). */
  readonly err: (line: string) => void;
  /** The password from standard input; `null` when a terminal's two entries differ. */
  readonly readPassword: (username: string) => Promise<string | null>;
}

const USER_CREATE_USAGE = "usage: pnpm user:create [--admin] <username>   (the password is read from standard input)";

/** Exit codes: 0 created; 1 the store refused (name taken, DATA_DIR_IN_USE, a failed migration); 2 bad usage or input. */
type ExitCode = 0 | 1 | 2;

function parseCommandLine(argv: readonly string[]): { admin: boolean; username: string } | string {
  try {
    // strict: an unknown option (say --password) is an error, never silently ignored.
    const { values, positionals } = parseArgs({ args: [...argv], options: { admin: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) return positionals.length === 0 ? "Name the user to create" : "Only the username goes on the command line; pipe the password to standard input";
    return { admin: values.admin, username: positionals[0] ?? "" };
  } catch (error) {
    if (error instanceof TypeError) return error.message;
    throw error;
  }
}

/**
 * `pnpm user:create [--admin] <username>`: creates an account on
 * DATABASE_URL, or on the embedded store in DATA_DIR, opened and migrated
 * exactly as `pnpm db:migrate` opens it (so a running server's folder is
 * refused with DATA_DIR_IN_USE). The account meets the sign-up rules;
 * `--admin` gives it the `admin` role (the first administrator of an empty
 * deployment). A taken name is refused and nothing changes.
 *
 * @example
 * process.exitCode = await runUserCreate(env, ["--admin", "root"], featureMigrations, logger, io);
 */
export async function runUserCreate(env: AppEnv, argv: readonly string[], migrations: readonly FeatureMigrations[], logger: Logger, io: UserCreateIo): Promise<ExitCode> {
  const command = parseCommandLine(argv);
  if (typeof command === "string") {
    io.err(`user:create: ${command}`);
    io.err(USER_CREATE_USAGE);
    return 2;
  }
  const usernameProblem = accountRuleViolation({ username: command.username, password: "x".repeat(64) });
  if (usernameProblem !== null) {
    io.err(`user:create: ${usernameProblem}`);
    return 2;
  }
  const target = databaseTargetOf(env);
  if (target.store === "memory") {
    io.err("user:create: no store to write to: NODE_ENV=test without DATA_DIR or DATABASE_URL means a fresh in-memory database per server. Set DATA_DIR or DATABASE_URL.");
    return 2;
  }
  const password = await io.readPassword(command.username);
  if (password === null) {
    io.err("user:create: the two passwords differ; nothing changed");
    return 2;
  }
  if (password === "") {
    io.err("user:create: no password on standard input (e.g. `pnpm user:create --admin root < password-file`)");
    return 2;
  }
  const input = { username: command.username, password };
  const violation = accountRuleViolation(input);
  if (violation !== null) {
    io.err(`user:create: ${violation}; nothing changed`);
    return 2;
  }

  const where = Object.entries(describeDatabaseTarget(target))
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  let opened: Awaited<ReturnType<typeof openAppDatabase>>;
  try {
    opened = await openAppDatabase(target, migrations, logger);
  } catch (error) {
    logger.debug({ err: error }, "user_create_open_failed");
    io.err(startFailureMessage(error).replace(/^Start failed/, "user:create failed"));
    return 1;
  }
  try {
    const result = await createAccountOnDatabase(opened.database)(input, command.admin ? ["admin"] : []);
    if (!result.ok && result.code === "USERNAME_TAKEN") {
      io.err(`user:create: the username "${command.username}" is taken (${where}); nothing changed. An admin can grant roles on /admin/users.`);
      return 1;
    }
    if (!result.ok) {
      io.err(`user:create: ${result.message}; nothing changed`);
      return 2;
    }
    const roles = result.user.roles.length === 0 ? "no roles" : `roles ${result.user.roles.join(", ")}`;
    io.out(`user:create: created "${command.username}" (id ${result.user.id}, ${roles}) on ${where}`);
    return 0;
  } finally {
    await opened.database.close();
  }
}
