import { DeferredRealtimeBroadcaster } from "@repo/core-realtime/server";
import type { IRealtimeBroadcaster, UnitOfWork } from "@repo/core-realtime/server";

/**
 * A use case's unit of work (ADR-021) over in-memory repositories, for
 * use-case tests: the body's broadcasts are validated at once and reach
 * `realtime` only when the body succeeds, as the outbox delivers only what
 * committed. In-memory repositories do not roll back; a rollback test runs on
 * a real database through the app's runner.
 *
 * @example
 * const realtime = new RecordingRealtimeBroadcaster();
 * const send = sendNotificationUseCase({ work: inMemoryUnitOfWork({ notifications }, realtime), bus });
 */
export function inMemoryUnitOfWork<R extends object>(repositories: R, realtime: IRealtimeBroadcaster): UnitOfWork<R> {
  return async <T>(body: (scope: R & { readonly realtime: IRealtimeBroadcaster }) => Promise<T>): Promise<T> => {
    const held = new DeferredRealtimeBroadcaster();
    const result = await body({ ...repositories, realtime: held });
    await held.flush(realtime);
    return result;
  };
}
