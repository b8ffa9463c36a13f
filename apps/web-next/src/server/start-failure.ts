import { DatabaseError } from "@repo/core-database";

/**
 * The line a failed start prints: the stable code first when there is one,
 * e.g. `Start failed [DATA_DIR_IN_USE]: The data folder ... is in use by process 123...`
 * or `Start failed [MIGRATION_FAILED]: Migration polls/0002-add-votes failed: ...`.
 *
 * @example
 * process.stderr.write(`${startFailureMessage(error)}\n`);
 */
export function startFailureMessage(error: unknown): string {
  if (error instanceof DatabaseError) return `Start failed [${error.code}]: ${error.message}`;
  return `Start failed: ${error instanceof Error ? error.message : String(error)}`;
}
