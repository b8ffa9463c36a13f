import { basename, dirname, join } from "node:path";

import { createRule } from "./create-rule";
import { fileScope } from "./file-scope";
import type { FileScope } from "./file-scope";
import type { ResolvedModule } from "./module-resolution";
import { moduleReferenceListener } from "./module-references";
import { findReexportChain } from "./reexport-chain";
import { isInside } from "./repo-root";
import { findOwningPackageDir } from "./workspace";

/** The feature files that wire handlers (ADR-008); the only importers a handler has outside its folder. */
const BIND_FILES: readonly string[] = ["bind-production.ts", "bind-dev-seed.ts"];

/** What distinguishes the realtime and the event flavour of the rule. */
export interface HandlerPrivacySpec {
  readonly name: "no-realtime-handler-reexport" | "no-handler-reexport";
  /** The directory pair that marks a handler module, e.g. "realtime/handlers". */
  readonly segment: string;
  readonly description: string;
  /** "realtime handler" / "event handler". */
  readonly handlerNoun: string;
  /** What a barrel exports instead, e.g. "channel descriptors (realtime/<name>.channel.ts)". */
  readonly publicInstead: string;
}

export type HandlerPrivacyMessageIds = "importHandler" | "reexportHandler" | "reexportChain" | "unreadableBarrel";

function pointsIntoHandlers(module: ResolvedModule, segment: string): boolean {
  const pattern = new RegExp(`(^|/)${segment}(/|$)`);
  const bare = module.bare === undefined ? undefined : `${module.bare.name}/${module.bare.subpath}`;
  return [module.specifier, bare, module.file?.split("\\").join("/")].some(
    (candidate) => candidate !== undefined && pattern.test(candidate),
  );
}

/** Bind files of the handler's own package, and files beside the handler (its tests), may import it. */
function mayImportHandler(scope: FileScope, module: ResolvedModule): boolean {
  const handlerPackageDir =
    module.workspacePackage?.dir ??
    (module.file === undefined ? undefined : findOwningPackageDir(module.file, scope.repoRoot));
  if (handlerPackageDir === undefined || scope.packageDir !== handlerPackageDir) return false;
  const isBindFile =
    BIND_FILES.includes(basename(scope.filename)) && dirname(scope.filename) === join(scope.packageDir, "src");
  const besideHandler = module.file !== undefined && dirname(module.file) === dirname(scope.filename);
  return (isBindFile && isInside(handlerPackageDir, module.file ?? handlerPackageDir)) || besideHandler;
}

/**
 * Builds the rule that keeps one kind of handler private to its feature (ADR-016 R1 for
 * realtime handlers, ADR-015 for event handlers): imports only from the feature's bind files and
 * the handler's own folder, and no re-export anywhere, including through `export *` barrels.
 *
 * @example
 * export const noHandlerReexport = createHandlerPrivacyRule({ name: "no-handler-reexport", segment: "events/handlers", ... });
 */
export function createHandlerPrivacyRule(spec: HandlerPrivacySpec) {
  const bindFiles = "that feature's src/bind-production.ts and src/bind-dev-seed.ts";
  return createRule<[], HandlerPrivacyMessageIds>({
    name: spec.name,
    meta: {
      type: "problem",
      docs: { description: spec.description },
      messages: {
        importHandler: `'{{specifier}}' is a ${spec.handlerNoun}, private to its feature. Wire it in ${bindFiles}, and import the feature's public entry (its ${spec.publicInstead}) instead.`,
        reexportHandler: `Do not re-export the ${spec.handlerNoun} '{{specifier}}'. Export only ${spec.publicInstead} from barrels instead, and wire the handler in ${bindFiles}.`,
        reexportChain: `'{{specifier}}' re-exports the ${spec.handlerNoun} {{handler}} through {{chain}}. Remove that re-export and export only ${spec.publicInstead} instead; wire the handler in ${bindFiles}.`,
        unreadableBarrel: `Cannot check '{{specifier}}' for a re-exported ${spec.handlerNoun}: {{file}} does not parse ({{reason}}). Fix that file's syntax, or re-export from a file that parses instead.`,
      },
      schema: [],
    },
    create(context) {
      const scope = fileScope(context);
      const isHandler = (module: ResolvedModule): boolean => pointsIntoHandlers(module, spec.segment);
      return moduleReferenceListener((reference) => {
        const module = scope.resolve(reference.specifier);
        const data = { specifier: reference.specifier };
        if (isHandler(module)) {
          if (reference.kind === "re-export") {
            context.report({ node: reference.node, messageId: "reexportHandler", data });
          } else if (!mayImportHandler(scope, module)) {
            context.report({ node: reference.node, messageId: "importHandler", data });
          }
          return;
        }
        if (reference.kind !== "re-export") return;
        const result = findReexportChain(module, scope, isHandler);
        if (result.kind === "found") {
          const handler = result.chain[result.chain.length - 1] ?? reference.specifier;
          context.report({
            node: reference.node,
            messageId: "reexportChain",
            data: { ...data, handler, chain: result.chain.slice(0, -1).join(" -> ") },
          });
        } else if (result.kind === "unreadable") {
          context.report({
            node: reference.node,
            messageId: "unreadableBarrel",
            data: { ...data, file: result.file, reason: result.reason },
          });
        }
      });
    },
  });
}
