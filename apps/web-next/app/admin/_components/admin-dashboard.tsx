"use client";

import { adminObservabilityChannel } from "@repo/admin-observability/client";
import type { TDashboardSnapshot } from "@repo/admin-observability/client";
import { useChannel, useConnectionStatus } from "@repo/core-realtime/react";
import { useCallback, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { dashboardStateFrom, MAX_CHART_SAMPLES, withMessage, withSnapshot } from "./dashboard-state";
import { EventLog } from "./event-log";
import { MetricsChart } from "./metrics-chart";

function Metric({ label, testId, value }: { readonly label: string; readonly testId: string; readonly value: number | null }) {
  return (
    <div>
      <div className="muted">{label}</div>
      <div className="metric" data-testid={testId}>
        {value === null ? "–" : value}
      </div>
    </div>
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The live dashboard: starts from the server-rendered snapshot, then applies
 * every `admin.observability` message. After each (re)subscribe it asks for
 * the snapshot again, so whatever happened while disconnected is filled in.
 */
export function AdminDashboard({ initial, trpc }: { readonly initial: TDashboardSnapshot; readonly trpc: AppTrpcClient }) {
  const status = useConnectionStatus();
  const [state, setState] = useState(() => dashboardStateFrom(initial));
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    trpc.adminObservability.snapshot.query().then(
      (snapshot) => setState((current) => withSnapshot(current, snapshot, Date.now())),
      (caught: unknown) => setError(`Could not refresh the dashboard: ${describeError(caught)}`),
    );
  }, [trpc]);

  useChannel(adminObservabilityChannel, {}, (message) => setState((current) => withMessage(current, message, Date.now())), {
    onSubscribed: refresh,
    onError: (refusal) => setError(`Live updates stopped: ${refusal.code}`),
  });

  const latest = state.samples.at(-1) ?? null;
  return (
    <div data-testid="admin-dashboard">
      <section className="panel" aria-label="Realtime metrics">
        <div className="row">
          <h2>Realtime</h2>
          <span className="status" data-state={status} data-testid="connection-status">
            {status}
          </span>
        </div>
        {error !== null && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <Metric label="Connections" testId="metric-connections" value={latest?.connectedSockets ?? null} />
          <Metric label="Subscriptions" testId="metric-subscriptions" value={latest?.subscriptions ?? null} />
          <Metric label="Messages/s" testId="metric-messages-per-second" value={latest?.messagesPerSecond ?? null} />
          <Metric label="Rejections" testId="metric-rejections" value={latest?.rejectionsTotal ?? null} />
        </div>
        <MetricsChart samples={state.samples} slots={MAX_CHART_SAMPLES} />
        <p className="muted">
          Updated{" "}
          <span data-testid="admin-updated-at" data-updates={state.updates}>
            {state.updatedAt === null ? "never" : `#${state.updates} at ${new Date(state.updatedAt).toISOString()}`}
          </span>{" "}
          · one sample every {state.sampleIntervalMs} ms
        </p>
        {latest !== null && Object.keys(latest.subscriptionsByTemplate).length > 0 && (
          <table>
            <thead>
              <tr>
                <th>Channel</th>
                <th>Subscriptions</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(latest.subscriptionsByTemplate).map(([template, count]) => (
                <tr key={template}>
                  <td>
                    <code>{template}</code>
                  </td>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {latest !== null && latest.rejections.length > 0 && (
          <p className="muted">
            Rejections:{" "}
            {latest.rejections.map((r) => (
              <span key={`${r.gate}/${r.code}`}>
                {r.gate}/{r.code} × {r.count}{" "}
              </span>
            ))}
          </p>
        )}
      </section>
      <EventLog events={state.events} />
    </div>
  );
}
