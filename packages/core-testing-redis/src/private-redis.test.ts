import { createClient } from "redis";
import { afterAll, expect, it } from "vitest";
import { freePort, startPrivateRedis } from "./private-redis";
import type { PrivateRedis } from "./private-redis";

let redis: PrivateRedis | undefined;
afterAll(() => redis?.stop());

it("starts a private redis-server, loses its data on stop, and comes back empty on the same url", async () => {
  redis = await startPrivateRedis();
  const client = createClient({ url: redis.url, socket: { reconnectStrategy: false } });
  client.on("error", () => undefined);
  await client.connect();
  await client.set("k", "v");
  client.destroy();
  await redis.stop();
  await redis.start();
  const again = createClient({ url: redis.url });
  again.on("error", () => undefined);
  await again.connect();
  expect(await again.get("k")).toBeNull();
  again.destroy();
}, 30_000);

it("hands out a port nobody listens on", async () => {
  const port = await freePort();
  expect(port).toBeGreaterThan(0);
  expect(port).toBeLessThan(65_536);
});
