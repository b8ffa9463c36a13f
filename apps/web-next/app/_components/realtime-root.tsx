"use client";

import { createRealtimeClient } from "@repo/core-realtime/client";
import type { RealtimeClient } from "@repo/core-realtime/client";
import { RealtimeProvider } from "@repo/core-realtime/react";
import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { useRealtimeProtocolVersion } from "./realtime-protocol-version";
import { RealtimeStatusOverlay } from "./realtime-status-overlay";
import { RoundTripProvider } from "./round-trip";

/**
 * One realtime client for the page, same origin (the browser sends the
 * session cookie on the handshake), speaking the protocol version the server
 * announced when it rendered the page. Created in an effect so React's strict
 * mode double-mount closes the first one instead of leaking it. Every page
 * under it gets the status overlay.
 */
export function RealtimeRoot({ children }: { readonly children: ReactNode }) {
  const protocolVersion = useRealtimeProtocolVersion();
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    const created = createRealtimeClient(protocolVersion === null ? {} : { protocolVersion });
    setClient(created);
    return () => created.close();
  }, [protocolVersion]);
  if (client === null) return <p className="muted">Starting realtime client…</p>;
  return (
    <RealtimeProvider client={client}>
      <RoundTripProvider>
        {children}
        <RealtimeStatusOverlay />
      </RoundTripProvider>
    </RealtimeProvider>
  );
}
