import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";

/** How a module is referenced; re-exports are told apart because barrels are judged on them. */
type ModuleReferenceKind = "import" | "re-export" | "require" | "dynamic-import" | "import-equals" | "import-type";

/** One place in a file that names another module. */
export interface ModuleReference {
  /** The string literal holding the specifier: where a report points. */
  readonly node: TSESTree.Node;
  readonly specifier: string;
  readonly kind: ModuleReferenceKind;
}

function staticString(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  // `import(\`socket.io\`)` is as static as a string literal.
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * A rule listener that calls `onReference` for every static module reference in a file:
 * `import` (value and type-only), `export … from`, `export * from`, `require()`, `import()`,
 * `import x = require()` and `typeof import()` types. Computed specifiers cannot be judged
 * statically and are skipped.
 *
 * @example
 * create: (context) => moduleReferenceListener((ref) => { if (ref.specifier === "x") context.report(...) })
 */
export function moduleReferenceListener(onReference: (reference: ModuleReference) => void): TSESLint.RuleListener {
  const emit = (node: TSESTree.Node | undefined, kind: ModuleReferenceKind): void => {
    const specifier = staticString(node);
    if (node !== undefined && specifier !== undefined) onReference({ node, specifier, kind });
  };
  return {
    ImportDeclaration: (node) => emit(node.source, "import"),
    ExportNamedDeclaration: (node) => {
      if (node.source !== null) emit(node.source, "re-export");
    },
    ExportAllDeclaration: (node) => emit(node.source, "re-export"),
    ImportExpression: (node) => emit(node.source, "dynamic-import"),
    CallExpression: (node) => {
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require") {
        emit(node.arguments[0], "require");
      }
    },
    TSImportEqualsDeclaration: (node) => {
      if (node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
        emit(node.moduleReference.expression, "import-equals");
      }
    },
    TSImportType: (node) => emit(node.source, "import-type"),
  };
}
