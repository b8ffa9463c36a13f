"use client";

import { useConnectionDiagnostics } from "@repo/core-realtime/react";
import { useRoundTrip } from "./round-trip";

/**
 * The small status component every realtime page shows (bottom corner):
 * connection state, round trip, failed reconnect attempts and the degraded
 * signal. After a `VERSION_MISMATCH` the client never retries, so instead of
 * a dead badge it offers the reload that loads the new version.
 */
export function RealtimeStatusOverlay() {
  const diagnostics = useConnectionDiagnostics();
  const roundTripMs = useRoundTrip();
  const degraded = diagnostics.status === "degraded";

  if (diagnostics.status === "version-mismatch") {
    return (
      <aside className="realtime-overlay" role="alert" data-testid="realtime-overlay" data-state={diagnostics.status} data-protocol-version={diagnostics.protocolVersion}>
        <p data-testid="new-version-prompt">
          A new version is available
          {diagnostics.serverProtocolVersion === null ? "" : ` (protocol ${diagnostics.serverProtocolVersion})`}.
        </p>
        <button type="button" data-testid="reload-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </aside>
    );
  }

  return (
    <aside
      className="realtime-overlay"
      aria-label="Realtime status"
      data-testid="realtime-overlay"
      data-state={diagnostics.status}
      data-protocol-version={diagnostics.protocolVersion}
    >
      <span className="status" data-state={diagnostics.status} data-testid="overlay-status">
        {diagnostics.status}
      </span>
      <span title="Round trip" data-testid="overlay-round-trip">
        {roundTripMs === null ? "–" : `${roundTripMs} ms`}
      </span>
      <span title="Failed reconnect attempts since the last connect" data-testid="overlay-reconnect-attempts" data-count={diagnostics.reconnectAttempts}>
        {diagnostics.reconnectAttempts} retries
      </span>
      {degraded ? (
        <span className="overlay-degraded" data-testid="overlay-degraded" title="The shared store is unreachable: updates from other instances pause">
          degraded
        </span>
      ) : null}
    </aside>
  );
}
