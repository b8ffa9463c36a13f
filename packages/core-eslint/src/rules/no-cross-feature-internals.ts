import { createRule } from "../create-rule";
import { fileScope } from "../file-scope";
import { moduleReferenceListener } from "../module-references";
import { toRepoPath } from "../repo-root";
import { entryPointKeys, subpathTarget } from "../package-entries";
import { findOwningPackageDir, readPackageManifest } from "../workspace";

export type NoCrossFeatureInternalsMessageIds = "notExported" | "outsidePackage";

/**
 * A workspace package is imported only through its package.json `exports`; no path (relative,
 * alias) reaches into another package. Docs: docs/rules/no-cross-feature-internals.md.
 *
 * @example
 * rules: { "@repo/no-cross-feature-internals": "error" }
 */
export const noCrossFeatureInternals = createRule<[], NoCrossFeatureInternalsMessageIds>({
  name: "no-cross-feature-internals",
  meta: {
    type: "problem",
    docs: {
      description: "Import another workspace package only through an entry its package.json `exports` declares",
    },
    messages: {
      notExported:
        "'{{specifier}}' is not a public entry of {{package}}. Import one of its exports ({{entries}}) instead, or add \"./{{subpath}}\" to its package.json exports if it is meant to be public.",
      outsidePackage:
        "'{{specifier}}' reaches into {{target}}, outside this package. Import it through {{instead}} instead.",
    },
    schema: [],
  },
  create(context) {
    const scope = fileScope(context);
    return moduleReferenceListener((reference) => {
      const module = scope.resolve(reference.specifier);
      const target = module.workspacePackage;
      if (target !== undefined && module.bare !== undefined) {
        const { name, subpath } = module.bare;
        if (subpath === "" || subpathTarget(target.manifest, `./${subpath}`) !== undefined) return;
        const entries = entryPointKeys(target.manifest.exports).map((key) =>
          key === "." ? `'${name}'` : `'${name}/${key.slice(2)}'`,
        );
        context.report({
          node: reference.node,
          messageId: "notExported",
          data: {
            specifier: reference.specifier,
            package: name,
            subpath,
            entries: entries.length === 0 ? "none declared" : entries.join(", "),
          },
        });
        return;
      }
      // A path (relative, tsconfig alias or `#` import) that lands in another package's directory.
      if (module.bare !== undefined || module.file === undefined) return;
      const targetDir = findOwningPackageDir(module.file, scope.repoRoot);
      if (targetDir === scope.packageDir) return;
      const targetName = targetDir === undefined ? undefined : readPackageManifest(targetDir)?.name;
      context.report({
        node: reference.node,
        messageId: "outsidePackage",
        data: {
          specifier: reference.specifier,
          target: targetDir === undefined ? "a directory outside the workspace" : toRepoPath(scope.repoRoot, targetDir) || ".",
          instead:
            targetName === undefined
              ? "a workspace package (move the code into one and export it)"
              : `'${targetName}' (an entry in its package.json exports)`,
        },
      });
    });
  },
});
