import type { RedisClient } from "@repo/core-di";
import { InMemoryRealtimeBroadcaster, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import type { BroadcastSourceAllowlist, IRealtimeBroadcaster, IRealtimeHandlerRegistry, IRealtimeServer } from "@repo/core-realtime/server";
import type { AppEnv } from "../env";

/**
 * What the server hands `bindAll`: all of it or nothing. Every field is
 * required (`redis: null` when there is none) so a half-filled object that
 * mixes a real broadcaster with a fresh registry cannot type-check.
 */
export interface BindAllDeps {
  readonly realtime: IRealtimeBroadcaster;
  /** `realtime`'s source allowlist (the source gate): bind code allows each source that may broadcast. */
  readonly realtimeSources: BroadcastSourceAllowlist;
  readonly realtimeRegistry: IRealtimeHandlerRegistry;
  readonly realtimeServer: IRealtimeServer;
  readonly redis: RedisClient | null;
}

/** Which transport `bindAll` wired, and its parts. */
export type RealtimeBinding =
  | ({ readonly bound: "socket-io" } & BindAllDeps)
  | {
      readonly bound: "in-memory";
      readonly realtime: InMemoryRealtimeBroadcaster;
      readonly realtimeSources: BroadcastSourceAllowlist;
      readonly realtimeRegistry: RealtimeHandlerRegistry;
      readonly realtimeServer: null;
      readonly redis: null;
    };

/** `bindAll()` without deps in production: the in-memory fallback would silently drop every broadcast. */
export class RealtimeNotBoundError extends Error {
  override readonly name = "RealtimeNotBoundError";
}

/**
 * ADR-016's `resolveRealtime()` with its `bound` guard: the server's Socket.IO
 * parts when given, the in-memory broadcaster otherwise (tests, page
 * handlers) — except in production, where that fallback throws.
 *
 * @example
 * const binding = resolveRealtime(deps, env); // binding.bound === "socket-io"
 */
export function resolveRealtime(deps: BindAllDeps | undefined, env: Pick<AppEnv, "NODE_ENV">): RealtimeBinding {
  if (deps !== undefined) return { bound: "socket-io", ...deps };
  if (env.NODE_ENV === "production") {
    throw new RealtimeNotBoundError(
      "bindAll() was called without deps in production: the in-memory realtime fallback reaches no socket. Start through server.ts (startServer), which passes the Socket.IO broadcaster, registry and server.",
    );
  }
  const realtime = new InMemoryRealtimeBroadcaster();
  return {
    bound: "in-memory",
    realtime,
    realtimeSources: realtime.sources,
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
  };
}
