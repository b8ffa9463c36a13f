import { createRule } from "../create-rule";
import { fileScope } from "../file-scope";
import { matchesAnyGlob } from "../glob";
import { moduleReferenceListener } from "../module-references";
import { vendorOf } from "../vendor-module";

/** Job-queue libraries ADR-015 hides behind IJobQueue. */
export const DEFAULT_JOB_VENDORS: readonly string[] = ["bullmq", "bull", "bee-queue", "agenda", "pg-boss"];

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
export const noDirectJobVendor = createRule<NoDirectJobVendorOptions, "noDirectJobVendor">({
  name: "no-direct-job-vendor",
  meta: {
    type: "problem",
    docs: {
      description: "Allow job-queue libraries (bullmq, pg-boss, ...) only inside `@repo/core-events`",
    },
    messages: {
      noDirectJobVendor:
        "Import {{module}} only in {{allowed}}; enqueue and consume jobs through IJobQueue from @repo/core-events instead.",
    },
    schema: [
      {
        type: "object",
        properties: {
          vendors: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Package names of job-queue libraries (their subpaths count too).",
          },
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Repo-relative globs of files that may import those libraries.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ vendors: [...DEFAULT_JOB_VENDORS], allow: [...DEFAULT_JOB_VENDOR_ALLOW] }],
  },
  create(context, [options]) {
    const vendors = options.vendors ?? [...DEFAULT_JOB_VENDORS];
    const allow = options.allow ?? [...DEFAULT_JOB_VENDOR_ALLOW];
    const scope = fileScope(context);
    if (matchesAnyGlob(scope.repoPath, allow)) return {};
    return moduleReferenceListener((reference) => {
      const module = vendorOf(scope.resolve(reference.specifier), vendors);
      if (module === undefined) return;
      context.report({
        node: reference.node,
        messageId: "noDirectJobVendor",
        data: { module, allowed: allow.join(" or ") },
      });
    });
  },
});
