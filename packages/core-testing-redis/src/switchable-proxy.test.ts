import { createServer } from "node:http";
import type { Server } from "node:http";
import { afterAll, expect, it } from "vitest";
import { startSwitchableProxy } from "./switchable-proxy";

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function backend(name: string): Promise<number> {
  const server = createServer((_request, response) => response.end(name));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const fetchFresh = (url: string) => fetch(url, { headers: { connection: "close" } });

it("forwards to its target, switches, and refuses while it has none", async () => {
  const [a, b] = [await backend("a"), await backend("b")];
  const proxy = await startSwitchableProxy(a);
  try {
    expect(await (await fetchFresh(proxy.url)).text()).toBe("a");
    proxy.target(b);
    expect(await (await fetchFresh(proxy.url)).text()).toBe("b");
    proxy.target(null);
    await expect(fetchFresh(proxy.url)).rejects.toThrow();
  } finally {
    await proxy.close();
  }
});
