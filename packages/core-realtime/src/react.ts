/**
 * `@repo/core-realtime/react`: hooks over one shared `RealtimeClient`.
 */
import { createContext, createElement, useContext, useEffect, useRef, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import type { ChannelParams } from "./channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "./define-realtime-channel";
import type { RealtimeClient, RealtimeConnectionStatus, SubscribeOptions } from "./realtime-client";
import type { RealtimeMessage } from "./wire-protocol";

const RealtimeClientContext = createContext<RealtimeClient | null>(null);

/** Makes `client` available to `useChannel` and `useConnectionStatus` below it. */
export function RealtimeProvider(props: { readonly client: RealtimeClient; readonly children?: ReactNode }): ReactNode {
  return createElement(RealtimeClientContext.Provider, { value: props.client }, props.children);
}

export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeClientContext);
  if (client === null) throw new Error("useRealtimeClient: wrap the tree in <RealtimeProvider client={...}>");
  return client;
}

/** The connection status, re-rendering on every change. */
export function useConnectionStatus(): RealtimeConnectionStatus {
  const client = useRealtimeClient();
  return useSyncExternalStore(
    (onChange) => client.onStatus(onChange),
    () => client.status,
    () => "connecting",
  );
}

/**
 * Subscribes while mounted; `params` null means "not now" (e.g. before sign-in).
 * The latest `onMessage` is always called, without resubscribing on every render.
 *
 * @example
 * useChannel(pollChannel, { pollId }, (tally) => setTally(tally));
 */
export function useChannel<D extends AnyRealtimeChannel>(
  descriptor: D,
  params: ChannelParams<D["name"]> | null,
  onMessage: (payload: ChannelPayload<D>, message: RealtimeMessage<ChannelPayload<D>>) => void,
  options: SubscribeOptions = {},
): void {
  const client = useRealtimeClient();
  const latest = useRef({ onMessage, options });
  latest.current = { onMessage, options };
  // Params identity changes every render; their content decides when to resubscribe.
  const paramsKey = params === null ? null : JSON.stringify(params);
  useEffect(() => {
    if (paramsKey === null) return undefined;
    const parsed = JSON.parse(paramsKey) as ChannelParams<D["name"]>;
    return client.subscribe(descriptor, parsed, (payload, message) => latest.current.onMessage(payload, message), {
      onError: (error) => latest.current.options.onError?.(error),
      onSubscribed: () => latest.current.options.onSubscribed?.(),
      onRecovered: (recovered) => latest.current.options.onRecovered?.(recovered),
    });
  }, [client, descriptor, paramsKey]);
}
