"use client";

import { adminObservabilityChannel, clusterTotals, liveInstanceSamples } from "@repo/admin-observability/client";
import type { TDashboardSnapshot } from "@repo/admin-observability/client";
import { useChannel, useConnectionStatus } from "@repo/core-realtime/react";
import { useCallback, useEffect, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { dashboardStateFrom, MAX_CHART_SAMPLES, withClock, withMessage, withSnapshot } from "./dashboard-state";
import { EventLog } from "./event-log";
import { InstanceTable } from "./instance-table";
import { MetricsChart } from "./metrics-chart";
import { OutboxPanel } from "./outbox-panel";

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
 * The live dashboard of the whole cluster: starts from the server-rendered
 * snapshot (the answering instance), then applies every
 * `admin.observability` message; every instance pushes its own samples
 * there, and the page keeps the latest per instance and adds them up. An
 * instance that stops reporting leaves after `staleAfterMs` (a clock tick
 * drops it even when nothing arrives). After each (re)subscribe it asks for
 * the snapshot again, so whatever happened while disconnected is filled in.
 */
export function AdminDashboard({ initial, trpc }: { readonly initial: TDashboardSnapshot; readonly trpc: AppTrpcClient }) {
  const status = useConnectionStatus();
  const [state, setState] = useState(() => dashboardStateFrom(initial, Date.now()));
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

  useEffect(() => {
    const timer = setInterval(() => setState((current) => withClock(current, Date.now())), state.sampleIntervalMs);
    return () => clearInterval(timer);
  }, [state.sampleIntervalMs]);

  const instances = liveInstanceSamples(state.cluster, state.now, state.staleAfterMs);
  const totals = clusterTotals(instances);
  const shown = instances.length === 0 ? null : totals;
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
          <Metric label="Instances" testId="metric-instances" value={shown?.instances ?? null} />
          <Metric label="Connections" testId="metric-connections" value={shown?.connectedSockets ?? null} />
          <Metric label="Subscriptions" testId="metric-subscriptions" value={shown?.subscriptions ?? null} />
          <Metric label="Messages/s" testId="metric-messages-per-second" value={shown?.messagesPerSecond ?? null} />
          <Metric label="Rejections" testId="metric-rejections" value={shown?.rejectionsTotal ?? null} />
        </div>
        <MetricsChart samples={state.points} slots={MAX_CHART_SAMPLES} />
        <InstanceTable instances={instances} totals={totals} answeredBy={initial.instance} />
        <p className="muted">
          Updated{" "}
          <span data-testid="admin-updated-at" data-updates={state.updates}>
            {state.updatedAt === null ? "never" : `#${state.updates} at ${new Date(state.updatedAt).toISOString()}`}
          </span>{" "}
          · one sample per instance every {state.sampleIntervalMs} ms; an instance silent for {state.staleAfterMs} ms leaves
        </p>
        {shown !== null && Object.keys(shown.subscriptionsByTemplate).length > 0 && (
          <table>
            <thead>
              <tr>
                <th>Channel</th>
                <th>Subscriptions</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(shown.subscriptionsByTemplate).map(([template, count]) => (
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
        {shown !== null && shown.rejections.length > 0 && (
          <p className="muted">
            Rejections:{" "}
            {shown.rejections.map((r) => (
              <span key={`${r.gate}/${r.code}`}>
                {r.gate}/{r.code} × {r.count}{" "}
              </span>
            ))}
          </p>
        )}
      </section>
      <OutboxPanel totals={totals} />
      <EventLog events={state.events} />
    </div>
  );
}
