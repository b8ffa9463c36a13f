import type { TActivityEntry } from "@repo/admin-observability/client";

function describeDetail(detail: TActivityEntry["detail"]): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(" ");
}

/** Bus events and job traffic, newest first. */
export function EventLog({ events }: { readonly events: readonly TActivityEntry[] }) {
  return (
    <section className="panel" aria-label="Event log">
      <h2>Events and jobs</h2>
      {events.length === 0 && <p className="muted">No events yet.</p>}
      <ol className="event-log" data-testid="admin-event-log">
        {events.map((entry) => (
          <li key={entry.id} data-testid="admin-event" data-event={entry.name} data-kind={entry.kind}>
            <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleTimeString()}</time> <code>{entry.name}</code>{" "}
            <span className="muted">{describeDetail(entry.detail)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
