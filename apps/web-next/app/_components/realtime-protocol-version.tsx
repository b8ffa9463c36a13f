"use client";

import { createContext, useContext } from "react";
import type { ReactNode } from "react";

const RealtimeProtocolVersionContext = createContext<string | null>(null);

/**
 * Hands every `RealtimeRoot` below it the protocol version the server that
 * rendered this page requires. The root layout reads it at request time, so a
 * reload after a `VERSION_MISMATCH` brings the new version with the new page.
 */
export function RealtimeProtocolVersionProvider({ version, children }: { readonly version: string; readonly children: ReactNode }) {
  return <RealtimeProtocolVersionContext.Provider value={version}>{children}</RealtimeProtocolVersionContext.Provider>;
}

/** The version from the root layout; `null` outside it (the client then uses the package's constant). */
export function useRealtimeProtocolVersion(): string | null {
  return useContext(RealtimeProtocolVersionContext);
}
