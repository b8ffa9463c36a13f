// @ts-check
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * `pnpm gen [<generator> --args ...]` (the root script): runs @turbo/gen's own CLI, `gen run`,
 * and exits with its code: 1 when a generator refuses its input or an action fails, non-zero when
 * stdin closes before every prompt is answered, 0 on success. `turbo gen` prints the same
 * refusals and exits 0, so it is not what the root script calls.
 *
 * The CLI opens its generator picker when no name or an unknown name is given; with stdin closed
 * the picker reads end-of-input and the CLI exits 0 having done nothing. Both are refused here
 * first (exit 2), so a script can always tell a refusal from success.
 *
 * @example
 * // pnpm gen realtime --args channel polls votes
 */

/** The generators `config.ts` registers; `gen.test.ts` fails when the two lists differ. */
export const GENERATOR_NAMES = Object.freeze(["feature", "core-package", "realtime"]);

/** @turbo/gen qualifies a generator by its workspace: `root/feature` is `feature`. */
const QUALIFIED_PREFIX = "root/";

/**
 * Why `args` cannot go to the CLI, or `null` when they can.
 *
 * @param {readonly string[]} args what followed `pnpm gen`
 * @param {boolean} interactive whether stdin is a terminal (the picker and prompts can be answered)
 * @returns {string | null}
 * @example
 * genArgsProblem(["nope", "--args", "x"], false); // 'unknown generator "nope"; ...'
 */
export function genArgsProblem(args, interactive) {
  const [first] = args;
  const usage = `use: pnpm gen <${GENERATOR_NAMES.join("|")}> --args ...`;
  if (first === undefined || first.startsWith("-")) {
    return interactive ? null : `no generator named and stdin is not a terminal; ${usage}`;
  }
  const name = first.startsWith(QUALIFIED_PREFIX) ? first.slice(QUALIFIED_PREFIX.length) : first;
  return GENERATOR_NAMES.includes(name) ? null : `unknown generator "${first}"; ${usage}`;
}

/**
 * Runs `gen run ...args` with this terminal and returns its exit code (1 when it died by a signal).
 *
 * @param {readonly string[]} args
 * @returns {number}
 */
function runGenCli(args) {
  const cli = createRequire(import.meta.url).resolve("@turbo/gen/dist/cli.js");
  const result = spawnSync(process.execPath, [cli, "run", ...args], { stdio: "inherit" });
  if (result.error !== undefined) {
    console.error(`could not start @turbo/gen: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function main() {
  const args = process.argv.slice(2);
  const problem = genArgsProblem(args, process.stdin.isTTY === true);
  if (problem !== null) {
    console.error(problem);
    process.exitCode = 2;
    return;
  }
  process.exitCode = runGenCli(args);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
