import type { JobHandler } from "@repo/core-events";
import type { notifySubscribersJob } from "../notify-subscribers.job";
import type { ISubscriberNotifier } from "../../services/subscriber-notifier";

/**
 * Runs one attempt of `article.notify-subscribers`; a throw makes the queue retry.
 *
 * @example
 * queue.process(notifySubscribersJob, onNotifySubscribers({ notifier }));
 */
export function onNotifySubscribers(deps: { readonly notifier: ISubscriberNotifier }): JobHandler<typeof notifySubscribersJob> {
  return async (notice, { attempt }) => {
    await deps.notifier.notify(notice, attempt);
  };
}
