import { randomUUID } from "node:crypto";
import type { RealtimeUser } from "@repo/core-realtime";
import { RecordingEventBus, startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness } from "@repo/core-testing";
import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFixture } from "../../__tests__/polls-test-kit";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { RedisPollRepository } from "../../repositories/redis-poll-repository";
import { RedisVoteRepository } from "../../repositories/redis-vote-repository";
import { castVoteUseCase } from "../../use-cases/cast-vote";
import { pollChannel } from "../poll.channel";
import { onVoteHandler } from "./on-vote.handler";

const redisAvailable = await probeRedis();
const users: RealtimeUser[] = Array.from({ length: 6 }, (_, i) => ({ userId: `voter-${i}`, roles: [] }));

// Two real servers, each with its own Redis connection, sharing one key prefix: two app instances.
describe.skipIf(!redisAvailable && process.env.CI !== "true")("votes over real sockets on two instances sharing Redis", () => {
  const keyPrefix = `test:polls-instances:${randomUUID()}:`;
  const connections: RedisClientType[] = [];
  const instances: ChannelHarness[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const redis: RedisClientType = createClient({ url: TEST_REDIS_URL });
      redis.on("error", (error) => console.error("redis client error in test", error));
      await redis.connect();
      connections.push(redis);
      const polls = new RedisPollRepository(redis, { keyPrefix });
      const votes = new RedisVoteRepository(redis, { keyPrefix });
      const harness: ChannelHarness = await startChannelHarness({
        users,
        handlers: [
          [
            pollChannel,
            onVoteHandler({
              castVote: castVoteUseCase({ polls, votes, bus: new RecordingEventBus(), realtime: { broadcast: (...args) => harness.broadcaster.broadcast(...args) } }),
            }),
          ],
        ],
      });
      instances.push(harness);
    }
    await new RedisPollRepository(connections[0]!, { keyPrefix }).create(pollFixture({ id: "shared", status: "open" }));
  });

  afterAll(async () => {
    for (const harness of instances) await harness.close();
    const keys = await connections[0]!.keys(`${keyPrefix}*`);
    if (keys.length > 0) await connections[0]!.del(keys);
    for (const redis of connections) redis.destroy();
  });

  it("counts each user once when they vote on both instances at the same moment", async () => {
    const acks = await Promise.all(
      users.map(async (user) => {
        const [onA, onB] = await Promise.all(instances.map((harness) => harness.connectAs(user)));
        const both = await Promise.all([
          onA!.publish(pollChannel, { pollId: "shared" }, { optionId: "o1" }),
          onB!.publish(pollChannel, { pollId: "shared" }, { optionId: "o2" }),
        ]);
        onA!.close();
        onB!.close();
        return both;
      }),
    );
    for (const pair of acks) {
      expect(pair.filter((ack) => ack.ok)).toHaveLength(1);
      expect(pair.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
    }
    const counts = await new RedisVoteRepository(connections[1]!, { keyPrefix }).counts("shared");
    expect((counts.get("o1") ?? 0) + (counts.get("o2") ?? 0)).toBe(users.length);
  });

  it("refuses a vote on either instance once the poll is closed through the other", async () => {
    await new RedisPollRepository(connections[0]!, { keyPrefix }).create(pollFixture({ id: "closing", status: "open" }));
    await new RedisPollRepository(connections[0]!, { keyPrefix }).transition("closing", ["open"], "closed");
    const client = await instances[1]!.connectAs(users[0]!);
    expect(await client.publish(pollChannel, { pollId: "closing" }, { optionId: "o1" })).toMatchObject({ ok: false, error: { code: "POLL_CLOSED" } });
    client.close();
  });
});
