import { createContext, createElement, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import { PresenceRoster } from "../client/presence-roster";
import type { PresenceRosterMember } from "../client/presence-roster";
import type { RealtimeClient, RealtimeConnectionDiagnostics, RealtimeConnectionStatus, SubscribeOptions } from "../client/realtime-client";
import type { RealtimeMessage } from "../protocol/wire-protocol";

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
 * The client's `diagnostics` (status, reconnect attempts, protocol versions), re-rendering on every change.
 *
 * @example
 * const { status, reconnectAttempts } = useConnectionDiagnostics();
 */
export function useConnectionDiagnostics(): RealtimeConnectionDiagnostics {
  const client = useRealtimeClient();
  return useSyncExternalStore(
    (onChange) => client.onDiagnostics(onChange),
    () => client.diagnostics,
    () => client.diagnostics,
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

/**
 * Who is on a presence channel (`presence: true`) right now, across every
 * instance: user ids, sorted; `null` until the first snapshot arrived or
 * while `params` is null. Subscribes while mounted (sharing the client's
 * subscription with any `useChannel` on the same channel), asks for a
 * snapshot on every (re)subscribe, and applies join/leave updates between.
 * `usePresenceMembers` gives the same members with their display names.
 *
 * @example
 * const here = usePresence(pollChannel, { pollId }); // ["alice", "bob"]
 */
export function usePresence<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]> | null): readonly string[] | null {
  const members = usePresenceMembers(descriptor, params);
  return useMemo(() => (members === null ? null : members.map((member) => member.userId)), [members]);
}

/**
 * `usePresence` with each member's profile: the display name (and the roles
 * on channels whose scope shows them), sorted by user id; `null` until the
 * first snapshot arrived or while `params` is null.
 *
 * @example
 * const here = usePresenceMembers(pollChannel, { pollId }); // [{ userId: "u1", displayName: "alice" }, ...]
 */
export function usePresenceMembers<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]> | null): readonly PresenceRosterMember[] | null {
  const client = useRealtimeClient();
  const [members, setMembers] = useState<readonly PresenceRosterMember[] | null>(null);
  const paramsKey = params === null ? null : JSON.stringify(params);
  useEffect(() => {
    setMembers(null);
    if (paramsKey === null) return undefined;
    const parsed = JSON.parse(paramsKey) as ChannelParams<D["name"]>;
    const roster = new PresenceRoster();
    let live = true;
    const refresh = (): void => {
      const ticket = roster.snapshotRequested();
      client.presence(descriptor, parsed).then(
        (snapshot) => {
          roster.snapshotReceived(ticket, snapshot);
          if (live) setMembers(roster.members());
        },
        (error: unknown) => {
          roster.snapshotFailed(ticket);
          console.warn("realtime presence snapshot failed", { channel: descriptor.name, error });
        },
      );
    };
    const unsubscribe = client.subscribe(descriptor, parsed, () => undefined, {
      onSubscribed: refresh,
      onPresence: (update) => {
        roster.apply(update);
        if (live) setMembers(roster.members());
      },
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, descriptor, paramsKey]);
  return members;
}
