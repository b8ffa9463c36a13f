import type { ClusterTotals } from "@repo/admin-observability/client";

function Figure({ label, testId, value, unit }: { readonly label: string; readonly testId: string; readonly value: number; readonly unit?: string }) {
  return (
    <div>
      <div className="muted">{label}</div>
      <div className="metric" data-testid={testId} data-value={value}>
        {value}
        {unit === undefined ? null : <span className="muted"> {unit}</span>}
      </div>
    </div>
  );
}

/**
 * The transactional outbox (ADR-021) across the cluster: depth and the
 * oldest undelivered record's age (read from the one shared table), and the
 * relays' deliveries and retries added up over the instances.
 */
export function OutboxPanel({ totals }: { readonly totals: ClusterTotals }) {
  const { outbox } = totals;
  return (
    <section className="panel" aria-label="Outbox" data-testid="outbox-panel">
      <h2>Outbox</h2>
      <div className="row">
        <Figure label="Depth" testId="outbox-pending" value={outbox.pending} />
        <Figure label="Oldest undelivered" testId="outbox-oldest-age" value={Math.round(outbox.oldestPendingAgeSeconds * 10) / 10} unit="s" />
        <Figure label="Deliveries" testId="outbox-deliveries" value={outbox.deliveriesTotal} />
        <Figure label="Retries" testId="outbox-retries" value={outbox.retriesTotal} />
      </div>
    </section>
  );
}
