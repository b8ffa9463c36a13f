import type { Locator, Page, Response } from "playwright-core";

/** The live numbers the dashboard shows. */
export const ADMIN_METRICS = ["metric-connections", "metric-subscriptions", "metric-messages-per-second", "metric-rejections"] as const;
export type AdminMetric = (typeof ADMIN_METRICS)[number];

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

  /** Event-log rows for one bus event or job name. */
  events(name: string): Locator {
    return this.page.getByTestId("admin-event-log").locator(`[data-testid=admin-event][data-event="${name}"]`);
  }
}
