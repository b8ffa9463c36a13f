import type { ClusterTotals, TMetricsSample } from "@repo/admin-observability/client";

/** The columns of one instance row and of the totals row; `testId` suffixes the cell's data-testid (`instance-<id>` / `total-<id>`). */
const COLUMNS: ReadonlyArray<{ readonly label: string; readonly testId: string; readonly value: (s: TMetricsSample | ClusterTotals) => number }> = [
  { label: "Connections", testId: "connections", value: (s) => s.connectedSockets },
  { label: "Subscriptions", testId: "subscriptions", value: (s) => s.subscriptions },
  { label: "Messages/s", testId: "messages-per-second", value: (s) => s.messagesPerSecond },
  { label: "Rejections", testId: "rejections", value: (s) => s.rejectionsTotal },
  { label: "Outbox depth", testId: "outbox-pending", value: (s) => s.outbox.pending },
  { label: "Outbox deliveries", testId: "outbox-deliveries", value: (s) => s.outbox.deliveriesTotal },
  { label: "Outbox retries", testId: "outbox-retries", value: (s) => s.outbox.retriesTotal },
];

/** Instance ids are UUIDs: the first block tells them apart on screen, the title has the whole id. */
function shortId(instance: string): string {
  return instance.split("-")[0] ?? instance;
}

/**
 * One row per instance that is reporting (its latest sample), then the
 * cluster's totals. Every cell carries its number in `data-value`, so a test
 * reads numbers, not formatting.
 */
export function InstanceTable({ instances, totals, answeredBy }: { readonly instances: readonly TMetricsSample[]; readonly totals: ClusterTotals; readonly answeredBy: string }) {
  return (
    <table data-testid="admin-instances" data-count={instances.length}>
      <thead>
        <tr>
          <th>Instance</th>
          {COLUMNS.map((column) => (
            <th key={column.testId}>{column.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {instances.map((sample) => (
          <tr key={sample.instance} data-testid="admin-instance-row" data-instance={sample.instance}>
            <td>
              <code title={sample.instance}>{shortId(sample.instance)}</code>
              {sample.instance === answeredBy ? <span className="muted"> (this page&apos;s)</span> : null}
            </td>
            {COLUMNS.map((column) => (
              <td key={column.testId} data-testid={`instance-${column.testId}`} data-value={column.value(sample)}>
                {column.value(sample)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="admin-cluster-totals" data-instances={totals.instances}>
          <th scope="row">Cluster ({totals.instances})</th>
          {COLUMNS.map((column) => (
            <td key={column.testId} data-testid={`total-${column.testId}`} data-value={column.value(totals)}>
              {column.value(totals)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
