import type { RealtimeBroadcasterBase } from "../broadcast/realtime-broadcaster-base";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { withBroadcastSource } from "../broadcast/with-broadcast-source";

/**
 * A test's broadcaster: `broadcaster` bound to the allowed source
 * `use-case:test.<name>`, as bind code would hand it to a use case.
 *
 * @example
 * await sourced(server.broadcaster).broadcast(feed, {}, { n: 1 });
 */
export function sourced(broadcaster: RealtimeBroadcasterBase, name = "harness"): IRealtimeBroadcaster {
  return withBroadcastSource(broadcaster, broadcaster.sources.allow({ kind: "use-case", name: `test.${name}` }));
}
