"use client";

import { createRealtimeClient } from "@repo/core-realtime/client";
import type { RealtimeClient } from "@repo/core-realtime/client";
import { RealtimeProvider } from "@repo/core-realtime/react";
import { useEffect, useState } from "react";
import type { ReactNode } from "react";

/**
 * One realtime client for the page, same origin (the browser sends the
 * session cookie on the handshake). Created in an effect so React's strict
 * mode double-mount closes the first one instead of leaking it.
 */
export function RealtimeRoot({ children }: { readonly children: ReactNode }) {
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    const created = createRealtimeClient();
    setClient(created);
    return () => created.close();
  }, []);
  if (client === null) return <p className="muted">Starting realtime client…</p>;
  return <RealtimeProvider client={client}>{children}</RealtimeProvider>;
}
