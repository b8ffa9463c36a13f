import { createServer } from "node:net";

/**
 * A port that was free a moment ago on 127.0.0.1. The app gets a fixed
 * number (not `PORT=0`) so a test can stop it and start it again on the
 * same address, as a browser tab expects after a deploy.
 *
 * @example
 * const port = await findFreePort();
 */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not read the probe's port");
  return address.port;
}
