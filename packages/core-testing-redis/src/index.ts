export { TEST_REDIS_URL, describeWithRedis, probeRedis, testRedisKeyspace } from "./shared-redis";
export { freePort, startPrivateRedis } from "./private-redis";
export type { PrivateRedis } from "./private-redis";
export { startSwitchableProxy } from "./switchable-proxy";
export type { SwitchableProxy } from "./switchable-proxy";
