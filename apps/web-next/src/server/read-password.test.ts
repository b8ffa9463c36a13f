import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readPassword } from "./read-password";

/** What the prompts wrote (stderr). */
function recorder(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/**
 * Standard input as a terminal (readline reads it in terminal mode) and a
 * person at it: each line is typed once its prompt has appeared on `prompts`.
 */
function terminal(prompts: PassThrough, answers: Readonly<Record<string, string>>): PassThrough & { isTTY: boolean } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const typed = new Set<string>();
  let shown = "";
  prompts.on("data", (chunk: Buffer) => {
    shown += chunk.toString();
    for (const [prompt, answer] of Object.entries(answers)) {
      if (shown.includes(prompt) && !typed.has(prompt)) {
        typed.add(prompt);
        input.write(`${answer}\r`);
      }
    }
  });
  return input;
}

describe("readPassword", () => {
  it.each([
    { case: "a line with a newline", piped: "s3cret-pass\n", expected: "s3cret-pass" },
    { case: "a Windows line ending", piped: "s3cret-pass\r\nignored", expected: "s3cret-pass" },
    { case: "no newline at all", piped: "s3cret-pass", expected: "s3cret-pass" },
    { case: "nothing", piped: "", expected: "" },
  ])("takes the first line of a pipe ($case) and prompts for nothing", async ({ piped, expected }) => {
    const prompts = recorder();
    const input = new PassThrough();
    input.end(piped);
    expect(await readPassword(input, prompts.stream, "root")).toBe(expected);
    expect(prompts.text()).toBe("");
  });

  it("refuses a pipe larger than any password", async () => {
    const input = new PassThrough();
    input.end("x".repeat(70_000));
    await expect(readPassword(input, recorder().stream, "root")).rejects.toThrow(/larger than/);
  });

  it("asks a terminal twice without echoing what was typed", async () => {
    const prompts = recorder();
    const input = terminal(prompts.stream, { "Password for root: ": "typed-secret", "Again: ": "typed-secret" });
    expect(await readPassword(input, prompts.stream, "root")).toBe("typed-secret");
    expect(prompts.text()).toContain("Password for root: ");
    expect(prompts.text()).toContain("Again: ");
    expect(prompts.text()).not.toContain("typed-secret");
  });

  it("answers null when the two typed passwords differ", async () => {
    const prompts = recorder();
    const input = terminal(prompts.stream, { "Password for root: ": "typed-secret", "Again: ": "typo-secret" });
    expect(await readPassword(input, prompts.stream, "root")).toBeNull();
  });
});
