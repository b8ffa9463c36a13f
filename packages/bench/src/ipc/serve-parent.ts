import { z } from "zod";

const ZRequest = z.object({ id: z.number().int(), command: z.record(z.string(), z.unknown()) });

/**
 * The child side of `forkChild`: answers each command with the handler's
 * result or its error message. A `close` command runs `onClose` then exits.
 * The process exits by itself when the parent goes away or after
 * `maxLifetimeMs` (passed as argv[2]), so no child can be left behind.
 *
 * @example
 * serveParent(async (command) => handle(ZServerCommand.parse(command)), () => stack?.close());
 */
export function serveParent(handle: (command: unknown) => Promise<unknown>, onClose: () => Promise<void>): void {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error("A bench child must be started by forkChild (no IPC channel)");
  const maxLifetimeMs = Number(process.argv[2]);
  const lifetime = setTimeout(() => {
    console.error(`bench child ${process.pid}: max lifetime ${maxLifetimeMs} ms reached, exiting`);
    process.exit(3);
  }, Number.isFinite(maxLifetimeMs) && maxLifetimeMs > 0 ? maxLifetimeMs : 60_000);
  lifetime.unref();
  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    const hardExit = setTimeout(() => process.exit(0), 3_000);
    hardExit.unref();
    onClose()
      .catch((error: unknown) => console.error(`bench child ${process.pid}: close failed: ${String(error)}`))
      .finally(() => process.exit(0));
  };
  process.on("disconnect", close);
  process.on("message", (raw: unknown) => {
    const request = ZRequest.safeParse(raw);
    if (!request.success) return void console.error(`bench child ${process.pid}: malformed request`);
    const { id, command } = request.data;
    if (command.kind === "close") return close();
    handle(command)
      .then((result) => send({ id, ok: true, result }))
      .catch((error: unknown) => send({ id, ok: false, error: error instanceof Error ? error.message : String(error) }));
  });
}
