import { createVendorImportRule } from "../vendor-import-rule";

/** Job-queue libraries ADR-015 hides behind IJobQueue. */
const DEFAULT_JOB_VENDORS: readonly string[] = ["bullmq", "bull", "bee-queue", "agenda", "pg-boss"];

/** The one package that may load a job-queue library. Globs are relative to the repo root. */
export const DEFAULT_JOB_VENDOR_ALLOW: readonly string[] = ["packages/core-events/**"];

export type NoDirectJobVendorOptions = [{ vendors?: string[]; allow?: string[] }];

/**
 * ADR-015: job-queue libraries only inside `@repo/core-events`, behind IJobQueue.
 * Docs: docs/rules/no-direct-job-vendor.md.
 *
 * @example
 * rules: { "@repo/no-direct-job-vendor": ["error", { vendors: ["bullmq"] }] }
 */
export const noDirectJobVendor = createVendorImportRule({
  name: "no-direct-job-vendor",
  description: "Allow job-queue libraries (bullmq, pg-boss, ...) only inside `@repo/core-events`",
  messageId: "noDirectJobVendor",
  instead: "enqueue and consume jobs through IJobQueue from @repo/core-events",
  vendors: DEFAULT_JOB_VENDORS,
  allow: DEFAULT_JOB_VENDOR_ALLOW,
  allowDescription: "Repo-relative globs of files that may import those libraries.",
  vendorsDescription: "Package names of job-queue libraries (their subpaths count too).",
});
