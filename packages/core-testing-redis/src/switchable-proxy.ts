import { connect, createServer } from "node:net";
import type { Socket } from "node:net";

/** A stand-in load balancer for failover tests: forwards TCP to one instance's port, switchable. */
export interface SwitchableProxy {
  readonly url: string;
  /** Where new connections go from now on; `null` refuses them (no healthy backend). */
  target(port: number | null): void;
  /** Destroys every forwarded connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a TCP proxy on an ephemeral port of 127.0.0.1 forwarding to
 * `initialPort`. It lives in this dependency-free kit (with `freePort`) so
 * core packages and apps share one copy.
 *
 * @example
 * const proxy = await startSwitchableProxy(a.port);
 * await a.kill(); proxy.target(b.port); // clients reconnect through the proxy to b
 */
export async function startSwitchableProxy(initialPort: number): Promise<SwitchableProxy> {
  let targetPort: number | null = initialPort;
  const open = new Set<Socket>();
  const server = createServer((downstream) => {
    if (targetPort === null) return void downstream.destroy();
    const upstream = connect(targetPort, "127.0.0.1");
    for (const socket of [downstream, upstream]) {
      open.add(socket);
      socket.once("close", () => open.delete(socket));
      // One side failing (the instance was killed) ends the pair; the client then reconnects.
      socket.on("error", () => socket.destroy());
    }
    downstream.pipe(upstream).pipe(downstream);
    downstream.once("close", () => upstream.destroy());
    upstream.once("close", () => downstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    target: (port) => void (targetPort = port),
    close: async () => {
      open.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
