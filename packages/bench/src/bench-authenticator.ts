import { RealtimeError } from "@repo/core-realtime";
import type { RealtimeUser } from "@repo/core-realtime";
import type { IRealtimeAuthenticator, RealtimeCredentials } from "@repo/core-realtime/server";

/** Benchmark users are `u<number>`; both stacks accept exactly these tokens. */
export const BENCH_TOKEN = /^u[0-9]{1,9}$/;

/** The token of the `index`-th benchmark user (also its user id). */
export function benchToken(index: number): string {
  return `u${index}`;
}

/**
 * Gate 1 for the benchmark: the token is the user id. A real authenticator
 * looks a session up; this one costs a regex, so what is measured is the
 * realtime layer, not a session store.
 *
 * @example
 * new SocketIORealtimeServer({ httpServer, registry, authenticator: new BenchAuthenticator(), logger });
 */
export class BenchAuthenticator implements IRealtimeAuthenticator {
  authenticate(credentials: RealtimeCredentials): Promise<RealtimeUser | null> {
    const token = credentials.token;
    if (token === undefined) return Promise.resolve(null);
    if (!BENCH_TOKEN.test(token)) return Promise.reject(new RealtimeError("UNAUTHENTICATED", "Unknown benchmark token"));
    return Promise.resolve({ userId: token, roles: [] });
  }
}
