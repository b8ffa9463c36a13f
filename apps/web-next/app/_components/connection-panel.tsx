"use client";

import { useChannel, useConnectionStatus } from "@repo/core-realtime/react";
import { useState } from "react";
import { realtimePingChannel } from "../../src/realtime/realtime-ping.channel";
import type { TRealtimePingTick } from "../../src/realtime/realtime-ping.channel";
import { useRoundTrip } from "./round-trip";

/** Connection state, the server's tick and the round-trip time (measured once per page by `RoundTripProvider`). */
export function ConnectionPanel() {
  const status = useConnectionStatus();
  const roundTripMs = useRoundTrip();
  const [tick, setTick] = useState<TRealtimePingTick | null>(null);

  useChannel(realtimePingChannel, {}, (payload) => setTick(payload));

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
