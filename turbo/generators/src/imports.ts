/** A named import a generated line needs at the top of the file it lands in. */
export interface NamedImport {
  readonly from: string;
  readonly names: readonly string[];
  /** `import type { ... }`: the names are used in type positions only. */
  readonly typeOnly?: boolean;
}

const SINGLE_LINE_NAMED_IMPORT = /^import (type )?\{([^}]*)\} from "([^"]+)";$/;

/** One import statement, possibly spanning lines. */
interface ImportStatement {
  readonly start: number;
  /** Index of the line after the statement. */
  readonly end: number;
  readonly from: string;
  readonly names: readonly string[];
}

function splitNames(list: string): string[] {
  return list
    .split(",")
    .map((name) => name.trim().replace(/^type /, ""))
    .filter((name) => name !== "");
}

function scanImports(lines: readonly string[]): ImportStatement[] {
  const statements: ImportStatement[] = [];
  let start = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (start === -1) {
      if (!line.startsWith("import ")) continue;
      start = index;
    }
    if (!line.trimEnd().endsWith(";")) continue;
    const text = lines.slice(start, index + 1).join(" ");
    const from = /from "([^"]+)";\s*$/.exec(text)?.[1] ?? /^import "([^"]+)";/.exec(text)?.[1] ?? "";
    statements.push({ start, end: index + 1, from, names: splitNames(/\{([^}]*)\}/.exec(text)?.[1] ?? "") });
    start = -1;
  }
  return statements;
}

const isRelative = (specifier: string): boolean => specifier.startsWith(".");

/**
 * Keeps each group in specifier order: a new import goes after the last import of its group
 * (packages, then relative paths) that sorts before it. A first package import opens the file, a
 * first relative import follows the last import.
 */
function insertionLine(statements: readonly ImportStatement[], from: string): number {
  const group = statements.filter((statement) => isRelative(statement.from) === isRelative(from));
  const previous = group.filter((statement) => statement.from <= from).at(-1);
  if (previous !== undefined) return previous.end;
  if (group[0] !== undefined) return group[0].start;
  return isRelative(from) ? (statements.at(-1)?.end ?? 0) : (statements[0]?.start ?? 0);
}

/**
 * Adds named imports to a module's source: names it already imports from that module (as types
 * or values) are skipped, names joining an existing one-line import of the same kind are merged
 * into it, anything else becomes a new line (package imports in specifier order, relative ones
 * after the last import).
 *
 * @example
 * addNamedImports('import { z } from "zod";\n\nexport {};\n', [{ from: "./a", names: ["a"] }]);
 * // 'import { z } from "zod";\nimport { a } from "./a";\n\nexport {};\n'
 */
export function addNamedImports(source: string, imports: readonly NamedImport[]): string {
  const lines = source.split("\n");
  for (const wanted of imports) {
    const statements = scanImports(lines);
    const already = new Set(statements.filter((statement) => statement.from === wanted.from).flatMap((statement) => statement.names));
    const missing = wanted.names.filter((name) => !already.has(name));
    if (missing.length === 0) continue;
    const typePrefix = wanted.typeOnly === true ? "type " : "";
    const mergeAt = lines.findIndex((line) => {
      const match = SINGLE_LINE_NAMED_IMPORT.exec(line);
      return match !== null && match[3] === wanted.from && (match[1] ?? "") === typePrefix;
    });
    const existing = mergeAt === -1 ? null : SINGLE_LINE_NAMED_IMPORT.exec(lines[mergeAt] ?? "");
    if (existing !== null) {
      const names = [...splitNames(existing[2] ?? ""), ...missing];
      lines[mergeAt] = `import ${typePrefix}{ ${names.join(", ")} } from "${wanted.from}";`;
    } else {
      lines.splice(insertionLine(statements, wanted.from), 0, `import ${typePrefix}{ ${missing.join(", ")} } from "${wanted.from}";`);
    }
  }
  return lines.join("\n");
}
