import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Template file names hold `__name__` where the generated file carries the name being generated. */
const NAME_PLACEHOLDER = /__name__/g;

/**
 * Every file under a template directory, as `/`-separated paths relative to it, sorted.
 *
 * @example
 * listTemplateFiles("/repo/turbo/generators/templates/core-package"); // ["eslint.config.ts.hbs", "package.json.hbs", ...]
 */
export function listTemplateFiles(templateDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(templateDir, path).split(sep).join("/"));
    }
  };
  walk(templateDir);
  return files.sort();
}

/**
 * Where a template file lands, as a plop path template: `.hbs` dropped and `__name__` turned into
 * `{{name}}` (template file names stay literal because plop renders `templateFile` paths too).
 *
 * @example
 * destinationOf("packages/{{name}}", "src/di/__name__-feature-module.ts.hbs"); // "packages/{{name}}/src/di/{{name}}-feature-module.ts"
 */
export function destinationOf(destinationDir: string, templateFile: string): string {
  return `${destinationDir}/${templateFile.replace(/\.hbs$/, "").replace(NAME_PLACEHOLDER, "{{name}}")}`;
}
