import type { Server } from "node:http";
import next from "next";
import type { RequestHandler } from "./http-dispatcher";

export interface NextAppOptions {
  /** Dev server with hot reload, or the `next build` output. */
  readonly dev: boolean;
  /** The app directory (holding `app/` and `.next/`). */
  readonly dir: string;
  readonly hostname: string;
  readonly port: number;
  /** Next attaches its HMR upgrade listener here, beside Socket.IO's. */
  readonly httpServer: Server;
}

export interface PreparedNextApp {
  readonly handler: RequestHandler;
  close(): Promise<void>;
}

/**
 * Next.js as a request handler on the shared server (App Router). Prepared
 * once; in production it needs a prior `next build`.
 *
 * @example
 * const nextApp = await prepareNextApp({ dev: false, dir, hostname: "localhost", port, httpServer });
 * dispatcher.setPageHandler(nextApp.handler);
 */
export async function prepareNextApp(options: NextAppOptions): Promise<PreparedNextApp> {
  const app = next({
    dev: options.dev,
    dir: options.dir,
    hostname: options.hostname,
    port: options.port,
    httpServer: options.httpServer,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handler: (req, res) => handle(req, res),
    close: () => app.close(),
  };
}
