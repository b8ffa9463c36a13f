import type { RealtimeUser } from "@repo/core-realtime";
import type { IRealtimeAuthenticator, RealtimeCredentials } from "@repo/core-realtime/server";

export interface DeferredAuthenticator {
  /** Hand this to the realtime server now; it waits for the real one. */
  readonly authenticator: IRealtimeAuthenticator;
  resolve(real: IRealtimeAuthenticator): void;
  /** Startup failed: connections waiting for the authenticator are refused with this error. */
  reject(error: Error): void;
}

/**
 * Breaks the construction cycle between the realtime server (needs an
 * authenticator) and the auth feature (provides it, and needs the server for
 * logout). A socket that connects while features still bind waits for them.
 *
 * @example
 * const deferred = createDeferredAuthenticator();
 * const server = new SocketIORealtimeServer({ httpServer, registry, authenticator: deferred.authenticator, logger });
 * deferred.resolve((await bindAll({ ... })).authenticator);
 */
export function createDeferredAuthenticator(): DeferredAuthenticator {
  let resolve!: (real: IRealtimeAuthenticator) => void;
  let reject!: (error: Error) => void;
  const ready = new Promise<IRealtimeAuthenticator>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting when startup fails; the rejection is still seen by later callers.
  ready.catch(() => undefined);
  return {
    authenticator: {
      authenticate: async (credentials: RealtimeCredentials): Promise<RealtimeUser | null> => (await ready).authenticate(credentials),
    },
    resolve,
    reject,
  };
}
