"use client";

import { useConnectionStatus, useRealtimeClient } from "@repo/core-realtime/react";
import { createContext, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { realtimePingChannel, ZRealtimePingReply } from "../../src/realtime/realtime-ping.channel";

const PING_EVERY_MS = 2_000;

const RoundTripContext = createContext<number | null>(null);

/**
 * Measures the realtime round trip once per page (a ping publish every 2 s
 * while connected) for every component that shows it: the home page's
 * connection panel and the status overlay read the same number.
 */
export function RoundTripProvider({ children }: { readonly children: ReactNode }) {
  const client = useRealtimeClient();
  const status = useConnectionStatus();
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);

  useEffect(() => {
    if (status !== "connected") return undefined;
    let live = true;
    const ping = async (): Promise<void> => {
      try {
        const reply = ZRealtimePingReply.parse(await client.publish(realtimePingChannel, {}, { clientTime: Date.now() }));
        if (live) setRoundTripMs(Date.now() - reply.clientTime);
      } catch (error) {
        console.warn("realtime ping failed", error);
      }
    };
    void ping();
    const timer = setInterval(() => void ping(), PING_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, status]);

  return <RoundTripContext.Provider value={roundTripMs}>{children}</RoundTripContext.Provider>;
}

/** The last measured round trip in ms; `null` until one completed (or outside `RoundTripProvider`). */
export function useRoundTrip(): number | null {
  return useContext(RoundTripContext);
}
