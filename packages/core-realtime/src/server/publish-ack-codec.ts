import { errorAck } from "./realtime-ack";
import { ZPublishAck } from "../protocol/wire-acks";
import type { PublishAck } from "../protocol/wire-protocol";

/**
 * How a shared idempotency store keeps publish acks: `decode` checks one read
 * back from Redis, `busy` is what a retry answers while the first run is
 * still going on another instance (`RATE_LIMITED` with the claim's remaining
 * time as `retryAfterMs`: the client may retry then, and the store tells it
 * the outcome).
 *
 * @example
 * new RedisIdempotencyStore<PublishAck>(redis, { keyPrefix, logger, ...publishAckCodec });
 */
export const publishAckCodec = Object.freeze({
  decode: (value: unknown): PublishAck => ZPublishAck.parse(value),
  busy: (retryAfterMs: number): PublishAck =>
    errorAck("RATE_LIMITED", "A publish with this message id is still being handled; retry later", retryAfterMs),
});
