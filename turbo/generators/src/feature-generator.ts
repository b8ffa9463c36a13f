import { join } from "node:path";
import type { PlopTypes } from "@turbo/gen";
import { aboveAnchor, ANCHORS } from "./anchors";
import { APP_BIND_ALL, APP_FEATURE_MIGRATIONS, APP_PACKAGE_JSON } from "./app-wiring";
import { addNamedImports } from "./imports";
import { addWorkspaceDependency } from "./manifest-dependency";
import { camelCaseName, pascalCaseName } from "./names";
import { answerString, guardAction, modifyWithTransform, toPromptResult } from "./plop-support";
import { runPnpmInstall } from "./pnpm-install-action";
import { destinationOf, listTemplateFiles } from "./template-files";
import { featureProblems } from "./validate-feature";

/** The feature template, relative to the generator config; its files define a feature's shape. */
export const FEATURE_TEMPLATE = "templates/feature";

/**
 * `feature <name>`: a new `packages/<name>` from the template, wired into the app's `bindAll()`
 * above `// @anchor:features`, its migrations listed above `// @anchor:feature-migrations`, added to the app's dependencies, then linked by `pnpm install`.
 *
 * @example
 * plop.setGenerator("feature", featureGenerator(plop));
 */
export function featureGenerator(plop: PlopTypes.NodePlopAPI): Partial<PlopTypes.PlopGeneratorConfig> {
  const root = plop.getDestBasePath();
  const templateFiles = listTemplateFiles(join(plop.getPlopfilePath(), FEATURE_TEMPLATE));
  return {
    description: "A feature package (packages/<name>) with the full feature layout, wired into apps/web-next",
    prompts: [
      {
        type: "input",
        name: "name",
        message: "Feature name (kebab-case, becomes packages/<name> and @repo/<name>):",
        validate: (input: unknown) => toPromptResult(featureProblems(root, input)),
      },
    ],
    actions: [
      guardAction((answers) => featureProblems(root, answers.name as unknown)),
      ...templateFiles.map(
        (file): PlopTypes.AddActionConfig => ({
          type: "add",
          path: destinationOf("packages/{{name}}", file),
          templateFile: `${FEATURE_TEMPLATE}/${file}`,
        }),
      ),
      {
        type: "modify",
        path: APP_BIND_ALL,
        ...aboveAnchor(ANCHORS.features, [
          "{{{key name}}}: await chooseBind(env, ctx, bindProduction{{pascal name}}, bindDevSeed{{pascal name}}),",
        ]),
        transform: (source: string, answers: PlopTypes.Answers) => {
          const name = answerString(answers, "name") ?? "";
          const pascal = pascalCaseName(name);
          return addNamedImports(source, [{ from: `@repo/${name}`, names: [`bindDevSeed${pascal}`, `bindProduction${pascal}`] }]);
        },
      },
      {
        type: "modify",
        path: APP_FEATURE_MIGRATIONS,
        ...aboveAnchor(ANCHORS.featureMigrations, ["{{camel name}}Migrations,"]),
        transform: (source: string, answers: PlopTypes.Answers) => {
          const name = answerString(answers, "name") ?? "";
          return addNamedImports(source, [{ from: `@repo/${name}`, names: [`${camelCaseName(name)}Migrations`] }]);
        },
      },
      modifyWithTransform(APP_PACKAGE_JSON, (source, answers) => addWorkspaceDependency(source, `@repo/${answerString(answers, "name") ?? ""}`)),
      () => runPnpmInstall(root),
    ],
  };
}
