import { join } from "node:path";
import type { PlopTypes } from "@turbo/gen";
import { guardAction, toPromptResult } from "./plop-support";
import { runPnpmInstall } from "./pnpm-install-action";
import { destinationOf, listTemplateFiles } from "./template-files";
import { corePackageProblems } from "./validate-core-package";

/** The core package template, relative to the generator config: the skeleton every core-* package shares. */
export const CORE_PACKAGE_TEMPLATE = "templates/core-package";

/**
 * `core-package <name>`: a new `packages/core-<name>` (tag `core`) with the skeleton of
 * `@repo/core-realtime` (manifest, tsconfig, eslint config, turbo.json, barrel), then linked by
 * `pnpm install`. Refuses an existing package.
 *
 * @example
 * plop.setGenerator("core-package", corePackageGenerator(plop));
 */
export function corePackageGenerator(plop: PlopTypes.NodePlopAPI): Partial<PlopTypes.PlopGeneratorConfig> {
  const root = plop.getDestBasePath();
  const templateFiles = listTemplateFiles(join(plop.getPlopfilePath(), CORE_PACKAGE_TEMPLATE));
  return {
    description: "A core package (packages/core-<name>, tag core) with the skeleton of @repo/core-realtime",
    prompts: [
      {
        type: "input",
        name: "name",
        message: "Core package name without the core- prefix (kebab-case, becomes packages/core-<name>):",
        validate: (input: unknown) => toPromptResult(corePackageProblems(root, input)),
      },
    ],
    actions: [
      guardAction((answers) => corePackageProblems(root, answers.name as unknown)),
      ...templateFiles.map(
        (file): PlopTypes.AddActionConfig => ({
          type: "add",
          path: destinationOf("packages/core-{{name}}", file),
          templateFile: `${CORE_PACKAGE_TEMPLATE}/${file}`,
        }),
      ),
      () => runPnpmInstall(root),
    ],
  };
}
