"use client";

import { useChannel, useConnectionStatus, useRealtimeClient } from "@repo/core-realtime/react";
import { useEffect, useState } from "react";
import { realtimePingChannel, ZRealtimePingReply } from "../../src/realtime/realtime-ping.channel";
import type { TRealtimePingTick } from "../../src/realtime/realtime-ping.channel";

const PING_EVERY_MS = 2_000;

/** Connection state, the server's tick and the measured round-trip time. */
export function ConnectionPanel() {
  const client = useRealtimeClient();
  const status = useConnectionStatus();
  const [tick, setTick] = useState<TRealtimePingTick | null>(null);
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null);

  useChannel(realtimePingChannel, {}, (payload) => setTick(payload));

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

  return (
    <section className="panel" aria-label="Connection">
      <div className="row">
        <h2>Connection</h2>
        <span className="status" data-state={status} data-testid="connection-status">
          {status}
        </span>
      </div>
      <div className="row">
        <div>
          <div className="muted">Round trip</div>
          <div className="metric" data-testid="round-trip">
            {roundTripMs === null ? "–" : `${roundTripMs} ms`}
          </div>
        </div>
        <div>
          <div className="muted">Server time</div>
          <div className="metric">{tick === null ? "–" : new Date(tick.serverTime).toLocaleTimeString()}</div>
        </div>
        <div>
          <div className="muted">Instance</div>
          <code>{tick === null ? "–" : tick.instanceId.slice(0, 8)}</code>
        </div>
      </div>
    </section>
  );
}
