export interface WaitUntilOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Named in the timeout error: "what we were waiting for". */
  readonly what: string;
  /** Return a reason to stop waiting at once (the condition can no longer come true). */
  readonly abortIf?: () => string | undefined;
}

/**
 * Polls `check` until it resolves true; throws after `timeoutMs` or as soon
 * as `abortIf` gives a reason. Tests wait for conditions, never fixed sleeps
 * (the machine is loaded and timing varies).
 *
 * @example
 * await waitUntil(async () => (await fetch(url)).ok, { timeoutMs: 30_000, what: "the server" });
 */
export async function waitUntil(check: () => Promise<boolean> | boolean, options: WaitUntilOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    const aborted = options.abortIf?.();
    if (aborted !== undefined) throw new Error(`Stopped waiting for ${options.what}: ${aborted}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
