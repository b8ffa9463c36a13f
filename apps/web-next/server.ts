/**
 * The app's boot entry (`pnpm dev`: tsx watch, NODE_ENV=development; `pnpm start`: production).
 * Started any other way without NODE_ENV, it runs in production: safe defaults (no seed, a
 * random secret with a warning, Secure cookies, the `next build` output). Everything lives in
 * src/server/*; this file only reads the environment, starts the server and turns signals into
 * a graceful stop.
 */
import { defaultToProduction, loadProcessEnv } from "./src/env";

// Before Next and React load (dynamic imports below): they choose their build from NODE_ENV.
defaultToProduction();
const { installSignalHandlers } = await import("./src/server/shutdown");
const { startServer } = await import("./src/server/start-server");

const { env, warnings } = loadProcessEnv();
const { startFailureMessage } = await import("./src/server/start-failure");
const running = await startServer({ env, warnings }).catch((error: unknown) => {
  // One line an operator can act on (DATA_DIR_IN_USE, a failed migration naming feature and migration); the log has the rest.
  process.stderr.write(`${startFailureMessage(error)}\n`);
  process.exit(1);
});
installSignalHandlers(process, (signal) => running.shutdown(signal), (code) => process.exit(code));
