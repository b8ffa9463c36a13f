import type { ChartPoint } from "./dashboard-state";

const WIDTH = 600;
const HEIGHT = 160;
const PADDING = 8;

interface Series {
  readonly label: string;
  /** A CSS colour (the page's theme variables live in globals.css). */
  readonly color: string;
  readonly value: (point: ChartPoint) => number;
}

const SERIES: readonly Series[] = [
  { label: "messages/s", color: "var(--accent)", value: (s) => s.messagesPerSecond },
  { label: "connections", color: "var(--ok)", value: (s) => s.connectedSockets },
];

function points(samples: readonly ChartPoint[], value: (point: ChartPoint) => number, max: number, slots: number): string {
  const step = (WIDTH - 2 * PADDING) / Math.max(1, slots - 1);
  // Right-aligned: the newest sample is always at the right edge, so the chart scrolls left.
  const offset = slots - samples.length;
  return samples
    .map((sample, i) => {
      const x = PADDING + (offset + i) * step;
      const y = HEIGHT - PADDING - (value(sample) / max) * (HEIGHT - 2 * PADDING);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/**
 * The cluster's messages/s and connections over the last samples (one point
 * per arriving instance sample, each the cluster totals at that moment), as
 * plain inline SVG.
 * The same `<svg>` element stays mounted; only the polylines' points
 * change, so it updates in place. `data-points` is the number of samples drawn.
 */
export function MetricsChart({ samples, slots }: { readonly samples: readonly ChartPoint[]; readonly slots: number }) {
  const max = Math.max(1, ...samples.flatMap((sample) => SERIES.map((series) => series.value(sample))));
  return (
    <figure style={{ margin: "0 0 0.5rem" }}>
      <svg
        data-testid="admin-chart"
        data-points={samples.length}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Messages per second and connections, last ${samples.length} samples`}
        preserveAspectRatio="none"
        style={{ width: "100%", height: `${HEIGHT}px`, display: "block" }}
      >
        <line x1={PADDING} y1={HEIGHT - PADDING} x2={WIDTH - PADDING} y2={HEIGHT - PADDING} style={{ stroke: "var(--border)" }} />
        {SERIES.map((series) => (
          <polyline
            key={series.label}
            data-series={series.label}
            fill="none"
            points={points(samples, series.value, max, slots)}
            style={{ stroke: series.color, strokeWidth: 2 }}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <figcaption className="muted">
        {SERIES.map((series) => (
          <span key={series.label} style={{ color: series.color, marginRight: "1rem" }}>
            ― {series.label}
          </span>
        ))}
        <span>scale 0–{max}</span>
      </figcaption>
    </figure>
  );
}
