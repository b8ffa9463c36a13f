export { TEST_REDIS_URL, describeWithRedis, probeRedis, testRedisKeyspace } from "./redis-test-kit";
export type { TestRedisKeyspace } from "./redis-test-kit";
