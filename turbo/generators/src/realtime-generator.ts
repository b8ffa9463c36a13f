import type { PlopTypes } from "@turbo/gen";
import { aboveAnchor, ANCHORS } from "./anchors";
import { addNamedImports } from "./imports";
import type { NamedImport } from "./imports";
import { ensureDependencies } from "./manifest-dependency";
import type { RequiredDependencies } from "./manifest-dependency";
import { camelCaseName, pascalCaseName } from "./names";
import { answerString, guardAction, modifyWithTransform, toPromptResult } from "./plop-support";
import { runPnpmInstall } from "./pnpm-install-action";
import { channelFiles, featureWiringFiles, handlerFiles, isRealtimeKind, REALTIME_KINDS } from "./realtime-files";
import { realtimeFeatureProblems, realtimeKindProblem, realtimeNameProblems, realtimeProblems } from "./validate-realtime";

/** The realtime templates, relative to the generator config. */
const REALTIME_TEMPLATE = "templates/realtime";

const CHANNEL_EXPORT_LINES = [
  "export { {{camel name}}Channel, Z{{pascal name}}Inbound, Z{{pascal name}}Message } from \"./realtime/{{name}}.channel\";",
  "export type { T{{pascal name}}Inbound, T{{pascal name}}Message } from \"./realtime/{{name}}.channel\";",
];

const CHANNEL_REGISTRATION_LINES = ["ctx.realtimeRegistry.registerChannel({{camel name}}Channel);"];

const HANDLER_SYMBOL_LINES = [
  "on{{pascal name}}Handler: token<RealtimeInboundHandler<typeof {{camel name}}Channel>>(\"{{feature}}.on{{pascal name}}Handler\"),",
];

// The span + capture sandwich of AGENTS.md "Where things go" (ADR-014, ADR-016), through core-di's
// one helper: traced once, logged once, by the innermost layer.
const HANDLER_REGISTRATION_LINES = [
  "container.bind({{pascal feature}}Symbols.on{{pascal name}}Handler, on{{pascal name}}Handler({ now: () => new Date() }));",
  "ctx.realtimeRegistry.register(",
  "  {{camel name}}Channel,",
  "  instrumentRealtimeHandler(ctx, \"{{feature}}.on-{{name}}\", container.get({{pascal feature}}Symbols.on{{pascal name}}Handler)),",
  ");",
];

/** What the scaffolds import, so a feature that lacked them still lints, typechecks and tests. */
const CHANNEL_DEPENDENCIES: RequiredDependencies = {
  dependencies: { "@repo/core-realtime": "workspace:*", zod: "catalog:" },
  devDependencies: { "@repo/core-testing": "workspace:*" },
};
const HANDLER_DEPENDENCIES: RequiredDependencies = {
  dependencies: { "@repo/core-di": "workspace:*", "@repo/core-realtime": "workspace:*" },
  devDependencies: { "@repo/core-testing": "workspace:*" },
};

/**
 * Adds the scaffold's dependencies to the feature's package.json and, only when that changed the
 * manifest, links them with `pnpm install` as the last action.
 */
function dependencyActions(root: string, feature: string, required: RequiredDependencies): PlopTypes.ActionType[] {
  let manifestChanged = false;
  return [
    modifyWithTransform(`packages/${feature}/package.json`, (source) => {
      const updated = ensureDependencies(source, required);
      manifestChanged = updated !== source;
      return updated;
    }),
    () => (manifestChanged ? runPnpmInstall(root) : `packages/${feature}/package.json already had the scaffold's dependencies`),
  ];
}

interface RealtimeNames {
  readonly feature: string;
  readonly name: string;
}

function namesOf(answers: PlopTypes.Answers): RealtimeNames {
  return { feature: answerString(answers, "feature") ?? "", name: answerString(answers, "name") ?? "" };
}

function withImports(path: string, anchorEdit: ReturnType<typeof aboveAnchor>, imports: (names: RealtimeNames) => NamedImport[]): PlopTypes.ModifyActionConfig {
  return {
    type: "modify",
    path,
    ...anchorEdit,
    transform: (source: string, answers: PlopTypes.Answers) => addNamedImports(source, imports(namesOf(answers))),
  };
}

function add(path: string, template: string): PlopTypes.AddActionConfig {
  return { type: "add", path, templateFile: `${REALTIME_TEMPLATE}/${template}` };
}

function channelActions(root: string, feature: string, name: string): PlopTypes.ActionType[] {
  const files = featureWiringFiles(feature);
  const channel = channelFiles(feature, name);
  const channelImport = (names: RealtimeNames): NamedImport[] => [
    { from: `./realtime/${names.name}.channel`, names: [`${camelCaseName(names.name)}Channel`] },
  ];
  return [
    add(channel.source, "channel.ts.hbs"),
    add(channel.test, "channel.test.ts.hbs"),
    { type: "modify", path: files.index, ...aboveAnchor(ANCHORS.realtimeChannels, CHANNEL_EXPORT_LINES) } satisfies PlopTypes.ModifyActionConfig,
    withImports(files.bindProduction, aboveAnchor(ANCHORS.realtimeHandlers, CHANNEL_REGISTRATION_LINES), channelImport),
    ...dependencyActions(root, feature, CHANNEL_DEPENDENCIES),
  ];
}

function handlerActions(root: string, feature: string, name: string): PlopTypes.ActionType[] {
  const files = featureWiringFiles(feature);
  const handler = handlerFiles(feature, name);
  const symbolImports = (names: RealtimeNames): NamedImport[] => [
    { from: "@repo/core-realtime/server", names: ["RealtimeInboundHandler"], typeOnly: true },
    { from: `../realtime/${names.name}.channel`, names: [`${camelCaseName(names.name)}Channel`], typeOnly: true },
  ];
  const bindImports = (names: RealtimeNames): NamedImport[] => [
    { from: "@repo/core-di", names: ["instrumentRealtimeHandler"] },
    { from: "./di/symbols", names: [`${pascalCaseName(names.feature)}Symbols`] },
    { from: `./realtime/${names.name}.channel`, names: [`${camelCaseName(names.name)}Channel`] },
    { from: `./realtime/handlers/on-${names.name}.handler`, names: [`on${pascalCaseName(names.name)}Handler`] },
  ];
  return [
    add(handler.source, "handler.ts.hbs"),
    add(handler.test, "handler.test.ts.hbs"),
    withImports(files.symbols, aboveAnchor(ANCHORS.realtimeSymbols, HANDLER_SYMBOL_LINES), symbolImports),
    withImports(files.bindProduction, aboveAnchor(ANCHORS.realtimeHandlers, HANDLER_REGISTRATION_LINES), bindImports),
    ...dependencyActions(root, feature, HANDLER_DEPENDENCIES),
  ];
}

/**
 * `realtime <channel|handler> <feature> <name>`: a channel descriptor and its real-socket test,
 * re-exported and registered through the anchors; or an inbound handler for that channel and its
 * test, bound in the feature's container and registered in its span + capture sandwich.
 *
 * @example
 * plop.setGenerator("realtime", realtimeGenerator(plop));
 * // pnpm gen realtime --args channel polls votes
 */
export function realtimeGenerator(plop: PlopTypes.NodePlopAPI): Partial<PlopTypes.PlopGeneratorConfig> {
  const root = plop.getDestBasePath();
  const guard = guardAction((answers) =>
    realtimeProblems(root, { kind: answers.kind as unknown, feature: answers.feature as unknown, name: answers.name as unknown }),
  );
  return {
    description: "A realtime channel (src/realtime/<name>.channel.ts) or inbound handler (src/realtime/handlers/on-<name>.handler.ts) in a feature",
    prompts: [
      {
        type: "list",
        name: "kind",
        message: "What to scaffold:",
        choices: [...REALTIME_KINDS],
        // Hand `--args` values to validate as they are, so an unknown kind gets our message
        // instead of plop's "did not recognize ... as a valid list value".
        bypass: (value: string) => value,
        validate: (input: unknown) => toPromptResult([realtimeKindProblem(input)].filter((problem) => problem !== null)),
      },
      {
        type: "input",
        name: "feature",
        message: "Feature (a packages/<feature> tagged feature):",
        validate: (input: unknown) => toPromptResult(realtimeFeatureProblems(root, input)),
      },
      {
        type: "input",
        name: "name",
        message: "Channel name (kebab-case; the channel is <feature>.<name>):",
        validate: (input: unknown, answers: PlopTypes.Answers) => {
          const kind: unknown = answers.kind;
          const feature = answerString(answers, "feature");
          if (!isRealtimeKind(kind) || feature === undefined) return toPromptResult(realtimeProblems(root, { kind, feature, name: input }));
          return toPromptResult(realtimeNameProblems(root, kind, feature, input));
        },
      },
    ],
    actions: (answers) => {
      const feature = answers === undefined ? "" : (answerString(answers, "feature") ?? "");
      const name = answers === undefined ? "" : (answerString(answers, "name") ?? "");
      const kind: unknown = answers?.kind;
      return [guard, ...(kind === "handler" ? handlerActions(root, feature, name) : channelActions(root, feature, name))];
    },
  };
}
