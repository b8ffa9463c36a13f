export { token } from "./token";
export { createContainer } from "./container";
export type { Container } from "./container";
export { featureRedisPrefix } from "./bind-context";
export { transactionsOf } from "./transactions-of";
export type { BindContext, FeatureConfig, RedisClient } from "./bind-context";
export type { FeatureModule, HttpRoute } from "./feature-module";
export { realtimeFor } from "./realtime-for";
export { instrumentRealtimeHandler, instrumentUseCase, traceConsumer } from "./instrument";
