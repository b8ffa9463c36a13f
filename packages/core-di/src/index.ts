export { token } from "./token";
export type { Token } from "./token";
export { createContainer } from "./container";
export type { Container } from "./container";
export { DuplicateBindingError, MissingBindingError } from "./container-errors";
export { featureRedisPrefix } from "./bind-context";
export type { BindContext, FeatureConfig, RedisClient, Tracer } from "./bind-context";
export type { FeatureModule, HttpMethod, HttpRoute } from "./feature-module";
export { instrumentUseCase, traceConsumer } from "./instrument";
