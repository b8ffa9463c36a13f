import { RealtimeError } from "@repo/core-realtime";
import { benchFanOutChannel } from "./bench-channels";
import { startOurStack } from "./stacks/our-stack";

export interface StartOptions {
  /** Interface to bind; the benchmark only ever uses 127.0.0.1. */
  readonly host: string;
  /** Port to bind; 0 picks a free one (see the resolved `port`). */
  readonly port: number;
}

/** The door an outside load driver measures our stack through. */
export interface StartedBenchServer {
  readonly port: number;
  /**
   * Broadcast through gate 4 to a concrete channel name (`bench.fanout`):
   * the name is resolved by the registry, the payload validated against the
   * channel's schema (`{ dueAt: number, step: int >= 0, pad: string }`).
   * Resolves to the number of local sockets written to; rejects with
   * `RealtimeError` (`UNKNOWN_CHANNEL`, `INVALID_PAYLOAD`) on bad input.
   */
  broadcast(channelName: string, payload: unknown): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts our real realtime stack in this process (authenticator, registry,
 * gates, `SocketIORealtimeBroadcaster`) with one public benchmark channel,
 * `bench.fanout`. Clients connect with socket.io-client on path `/socket.io`
 * (`auth: { version: "1.0.0", token?: "u<digits>" }`), send
 * `realtime:subscribe` `{ channel: "bench.fanout" }` with an ack, and receive
 * `realtime:message` `{ channel, payload, seq, epoch, emittedAt }`.
 *
 * @example
 * const bench = await start({ host: "127.0.0.1", port: 0 });
 * await bench.broadcast("bench.fanout", { dueAt: Date.now(), step: 0, pad: "" });
 * await bench.close();
 */
export async function start(options: StartOptions): Promise<StartedBenchServer> {
  const stack = await startOurStack({ host: options.host, port: options.port }, [benchFanOutChannel]);
  const { broadcaster } = stack.server;
  // The benchmark's server code speaks as one allowed source, as a use case would (the source gate).
  const source = broadcaster.sources.allow({ kind: "use-case", name: "bench.publisher" });
  return {
    port: stack.port,
    broadcast: async (channelName, payload) => {
      const resolution = stack.registry.resolve(channelName);
      if (resolution.kind !== "match") {
        throw new RealtimeError(resolution.kind === "unknown" ? "UNKNOWN_CHANNEL" : "INVALID_PARAMS", `No benchmark channel "${channelName}"`);
      }
      const receipt = await broadcaster.broadcast(resolution.descriptor, resolution.params, payload, { source });
      return receipt.delivered;
    },
    close: () => stack.close(),
  };
}
