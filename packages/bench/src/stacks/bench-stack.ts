import type { ChannelCoalesceOptions } from "@repo/core-realtime";
import type { TBenchPayload } from "../bench-channels";

/** Which implementation a benchmark process runs. */
export type StackKind = "ours" | "baseline";

/** Where the multi-instance scenario's adapter talks to Redis. */
export interface RedisAdapterConfig {
  readonly url: string;
  /** Prefix of every key the stack writes; one per stack per run, so the stacks never see each other's traffic. */
  readonly keyPrefix: string;
}

export interface BenchStackOptions {
  readonly host: string;
  readonly port: number;
  /** With Redis: the Socket.IO Redis Streams adapter (and, for ours, the Redis channel log), as every instance would use it. */
  readonly redis?: RedisAdapterConfig;
  /** Lift inbound rate limits so the inbound scenario measures the gate, not the limiter's refusals. */
  readonly unlimitedInbound?: boolean;
  /**
   * Push every periodic timer (heartbeats; for ours also re-authentication sweeps,
   * slow-consumer checks and policy-cache expiry) beyond any counting window, so an
   * instruction count holds the operations only (`pnpm bench:instructions`).
   */
  readonly quietTimers?: boolean;
  /** Ours only (scenario 6): `bench.fanout` declared with this `coalesce` option. */
  readonly coalesce?: ChannelCoalesceOptions;
}

/**
 * A day: longer than any counting window, short enough that the client's own
 * ping timeout (interval + timeout) stays below `setTimeout`'s 2^31 - 1 ms limit.
 */
export const QUIET_TIMER_MS = 86_400_000;

/**
 * One server under test, as the benchmark's server process drives it. Both
 * stacks implement it; the work behind each method is what is compared.
 */
export interface BenchStack {
  readonly port: number;
  /** One message to every subscriber of the fan-out channel. */
  fanOut(payload: TBenchPayload): void;
  /** One message to one user's own channel. */
  toUser(userId: string, payload: TBenchPayload): void;
  /** Broadcasts that failed since the last call (a failed broadcast is a bug the report must show). */
  takeErrors(): number;
  connectedSockets(): number;
  close(): Promise<void>;
}
