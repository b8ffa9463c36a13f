import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";

import { createRule } from "./create-rule";
import { fileScope } from "./file-scope";
import { matchesAnyGlob } from "./glob";
import type { ResolvedModule } from "./module-resolution";
import { moduleReferenceListener } from "./module-references";

/** Options every vendor rule reads; a rule that fixes its vendor list leaves `vendors` out of its schema. */
export type VendorImportOptions = [{ vendors?: string[]; allow?: string[] }];

/** What distinguishes one vendor rule from another. */
export interface VendorImportSpec<MessageId extends string> {
  readonly name: string;
  readonly description: string;
  readonly messageId: MessageId;
  /** The seam to use instead, e.g. "depend on IRealtimeBroadcaster from @repo/core-realtime". */
  readonly instead: string;
  readonly vendors: readonly string[];
  readonly allow: readonly string[];
  readonly allowDescription: string;
  /** Set when the vendor list is an option (job queues are open-ended; Socket.IO's two packages are not). */
  readonly vendorsDescription?: string;
}

const stringList = (description: string): JSONSchema4 => ({
  type: "array",
  items: { type: "string" },
  uniqueItems: true,
  description,
});

/**
 * Which of `vendors` a resolved import loads, if any: by package name (so subpaths count), or by
 * a path into that package's `node_modules` folder (a tsconfig alias pointing there).
 *
 * @example
 * vendorOf(scope.resolve("socket.io-client/dist/socket.io.js"), ["socket.io-client"]); // "socket.io-client"
 */
function vendorOf(resolved: ResolvedModule, vendors: readonly string[]): string | undefined {
  const byName = vendors.find((vendor) => resolved.bare?.name === vendor);
  if (byName !== undefined) return byName;
  const file = resolved.file?.split("\\").join("/");
  if (file === undefined) return undefined;
  return vendors.find((vendor) => file.includes(`/node_modules/${vendor}/`) || file.endsWith(`/node_modules/${vendor}`));
}

/**
 * Builds a rule that lets `vendors` (any subpath, any import form, aliases resolved) be loaded
 * only in the `allow` globs: the one mechanism behind no-direct-socket-io (ADR-016 R2) and
 * no-direct-job-vendor (ADR-015).
 *
 * @example
 * export const noDirectJobVendor = createVendorImportRule({ name: "no-direct-job-vendor", vendors: ["bullmq"], ... });
 */
export function createVendorImportRule<MessageId extends string>(spec: VendorImportSpec<MessageId>) {
  const properties: Record<string, JSONSchema4> = { allow: stringList(spec.allowDescription) };
  if (spec.vendorsDescription !== undefined) properties.vendors = stringList(spec.vendorsDescription);
  const defaults = spec.vendorsDescription === undefined ? { allow: [...spec.allow] } : { vendors: [...spec.vendors], allow: [...spec.allow] };
  return createRule<VendorImportOptions, MessageId>({
    name: spec.name,
    meta: {
      type: "problem",
      docs: { description: spec.description },
      messages: { [spec.messageId]: `Import {{module}} only in {{allowed}}; ${spec.instead} instead.` } as Record<MessageId, string>,
      schema: [{ type: "object", properties, additionalProperties: false }],
      defaultOptions: [defaults],
    },
    create(context, [options]) {
      const vendors = options.vendors ?? [...spec.vendors];
      const allow = options.allow ?? [...spec.allow];
      const scope = fileScope(context);
      if (matchesAnyGlob(scope.repoPath, allow)) return {};
      return moduleReferenceListener((reference) => {
        const module = vendorOf(scope.resolve(reference.specifier), vendors);
        if (module === undefined) return;
        context.report({ node: reference.node, messageId: spec.messageId, data: { module, allowed: allow.join(" or ") } });
      });
    },
  });
}
