import type { Locator, Page, Response } from "playwright-core";

/** The live numbers the dashboard shows. */
export const ADMIN_METRICS = ["metric-connections", "metric-subscriptions", "metric-messages-per-second", "metric-rejections"] as const;
export type AdminMetric = (typeof ADMIN_METRICS)[number];

/** The columns of an instance row and of the cluster totals row (`instance-<column>`, `total-<column>`). */
export const INSTANCE_COLUMNS = ["connections", "subscriptions", "messages-per-second", "rejections", "outbox-pending", "outbox-deliveries", "outbox-retries"] as const;
type InstanceColumn = (typeof INSTANCE_COLUMNS)[number];

/** The outbox panel's figures. */
const OUTBOX_FIGURES = ["outbox-pending", "outbox-oldest-age", "outbox-deliveries", "outbox-retries"] as const;
type OutboxFigure = (typeof OUTBOX_FIGURES)[number];

/** What the cluster table, the header and the outbox panel show. */
export interface ClusterReading {
  readonly instances: ReadonlyArray<{ readonly instance: string; readonly values: Readonly<Record<InstanceColumn, number>> }>;
  readonly totals: Readonly<Record<InstanceColumn, number>>;
  /** The header numbers (`metric-*`) at the same moment. */
  readonly metrics: Readonly<Record<AdminMetric, number>>;
  readonly outbox: Readonly<Record<OutboxFigure, number>>;
}

/** A cell's number (its `data-value`; NaN when absent). */
async function dataValue(cell: Locator): Promise<number> {
  return Number((await cell.getAttribute("data-value")) ?? Number.NaN);
}

/**
 * `/admin` as the UI contract describes it.
 *
 * @example
 * const admin = new AdminPage(alice.page);
 * const response = await admin.open();
 * expect(response?.status()).toBe(200);
 */
export class AdminPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Navigates and returns the document's HTTP response (403 for non-admins). */
  async open(): Promise<Response | null> {
    return this.page.goto("/admin");
  }

  get dashboard(): Locator {
    return this.page.getByTestId("admin-dashboard");
  }

  get forbidden(): Locator {
    return this.page.getByTestId("forbidden");
  }

  /** A metric's number (NaN while it shows none). */
  async metric(name: AdminMetric): Promise<number> {
    return Number((await this.page.getByTestId(name).textContent())?.trim());
  }

  /** The inline SVG chart. */
  get chart(): Locator {
    return this.page.getByTestId("admin-chart");
  }

  /** How many samples the chart draws (its `data-points`). */
  async chartPoints(): Promise<number> {
    return Number(await this.chart.getAttribute("data-points"));
  }

  async updatedAt(): Promise<string | null> {
    return this.page.getByTestId("admin-updated-at").textContent();
  }

  /** One row per instance that is reporting. */
  get instanceRows(): Locator {
    return this.page.getByTestId("admin-instance-row");
  }

  /**
   * The per-instance rows, the totals row, the header numbers and the outbox
   * panel. Read cell by cell while samples keep arriving, so a caller polls
   * until what it expects holds (`expect.poll(() => admin.clusterReading())`).
   */
  async clusterReading(): Promise<ClusterReading> {
    const valuesOf = async (scope: Locator, prefix: string): Promise<Record<InstanceColumn, number>> => {
      const entries = await Promise.all(INSTANCE_COLUMNS.map(async (column) => [column, await dataValue(scope.getByTestId(`${prefix}-${column}`))] as const));
      return Object.fromEntries(entries) as Record<InstanceColumn, number>;
    };
    const rows = await this.instanceRows.all();
    const instances = await Promise.all(rows.map(async (row) => ({ instance: (await row.getAttribute("data-instance")) ?? "", values: await valuesOf(row, "instance") })));
    const totals = await valuesOf(this.page.getByTestId("admin-cluster-totals"), "total");
    const metrics = Object.fromEntries(await Promise.all(ADMIN_METRICS.map(async (metric) => [metric, await this.metric(metric)] as const))) as Record<AdminMetric, number>;
    const panel = this.page.getByTestId("outbox-panel");
    const outbox = Object.fromEntries(await Promise.all(OUTBOX_FIGURES.map(async (figure) => [figure, await dataValue(panel.getByTestId(figure))] as const))) as Record<OutboxFigure, number>;
    return { instances, totals, metrics, outbox };
  }

  /** Event-log rows for one bus event or job name. */
  events(name: string): Locator {
    return this.page.getByTestId("admin-event-log").locator(`[data-testid=admin-event][data-event="${name}"]`);
  }
}
