import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** Standard input as the command sees it: a terminal, or a pipe / file. */
export interface PasswordSource extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
}

/** A password is one line; anything past this is not a password (the rules stop at 256 characters). */
const MAX_PIPED_BYTES = 64 * 1024;

/**
 * Reads one line from a terminal without echoing it. The prompt goes to
 * `prompts` (stderr) directly; readline, which would echo every key, writes
 * only to a sink.
 */
function askHidden(input: PasswordSource, prompts: NodeJS.WritableStream, prompt: string): Promise<string> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      prompts.write("\n");
      resolve(answer);
    });
    prompts.write(prompt);
  });
}

/** Everything piped in, up to the first line break (so `echo pw |` and a file with a trailing newline both work). */
async function readFirstLine(input: PasswordSource): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_PIPED_BYTES) throw new Error(`Standard input is larger than ${MAX_PIPED_BYTES} bytes; send the password alone`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/**
 * The password for a new account, from standard input only (a password in
 * argv would sit in the shell history and in `ps`). A terminal is asked
 * twice without echo; a pipe is read to its end and its first line taken.
 * `null` when the two typed passwords differ.
 *
 * @example
 * const password = await readPassword(process.stdin, process.stderr, "root");
 */
export async function readPassword(input: PasswordSource, prompts: NodeJS.WritableStream, username: string): Promise<string | null> {
  if (input.isTTY !== true) return readFirstLine(input);
  const first = await askHidden(input, prompts, `Password for ${username}: `);
  const again = await askHidden(input, prompts, "Again: ");
  return first === again ? first : null;
}
