/**
 * The app's boot entry (`pnpm dev`: tsx watch; `pnpm start`: NODE_ENV=production).
 * Everything lives in src/server/*; this file only reads the environment,
 * starts the server and turns signals into a graceful stop.
 */
import { loadProcessEnv } from "./src/env";
import { installSignalHandlers } from "./src/server/shutdown";
import { startServer } from "./src/server/start-server";

const { env, warnings } = loadProcessEnv();
const running = await startServer({ env, warnings });
installSignalHandlers(process, (signal) => running.shutdown(signal), (code) => process.exit(code));
