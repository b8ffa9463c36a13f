"use client";

import { useChannel } from "@repo/core-realtime/react";
import { pollsDirectoryChannel } from "@repo/polls/client";

/**
 * Reloads the poll list whenever a poll opens or closes anywhere (the
 * `polls-directory` channel), and once each time the subscription is
 * (re)accepted, which covers changes made before it was. Renders nothing.
 */
export function PollsDirectoryWatcher({ onChange }: { readonly onChange: () => void }) {
  useChannel(pollsDirectoryChannel, {}, () => onChange(), { onSubscribed: onChange, onRecovered: (recovered) => !recovered && onChange() });
  return null;
}
