import { afterAll, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "./shared-redis";

const available = await probeRedis();

describeWithRedis(available)("testRedisKeyspace against a real Redis", () => {
  const keyspace = testRedisKeyspace("core-testing");
  const neighbour = testRedisKeyspace("core-testing");
  afterAll(() => neighbour.dispose());

  it("gives each keyspace its own prefix and removes only its own keys on dispose", async () => {
    expect(keyspace.prefix).not.toBe(neighbour.prefix);
    const mine = await keyspace.client();
    const theirs = await neighbour.client();
    await mine.set(`${keyspace.prefix}a`, "1");
    await mine.set(`${keyspace.prefix}b`, "2");
    await theirs.set(`${neighbour.prefix}a`, "3");
    await keyspace.dispose();
    expect(await theirs.exists([`${keyspace.prefix}a`, `${keyspace.prefix}b`])).toBe(0);
    expect(await theirs.get(`${neighbour.prefix}a`)).toBe("3");
  });
});

it("reports an unreachable Redis as unavailable instead of throwing", async () => {
  await expect(probeRedis("redis://127.0.0.1:1")).resolves.toBe(false);
});
