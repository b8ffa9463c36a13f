import { existsSync } from "node:fs";
import { join } from "node:path";
import { ANCHORS, hasAnchor } from "./anchors";
import type { Anchor } from "./anchors";
import { camelCaseName, nameProblem, pascalCaseName } from "./names";
import { channelFiles, featureWiringFiles, handlerFiles, isRealtimeKind, REALTIME_KINDS } from "./realtime-files";
import type { RealtimeKind } from "./realtime-files";
import { isFeaturePackage, listFeatures, readTextOrNull } from "./workspace";

/** The answers of `realtime <kind> <feature> <name>`, as they arrive (unchecked). */
export interface RealtimeAnswers {
  readonly kind: unknown;
  readonly feature: unknown;
  readonly name: unknown;
}

/**
 * Why `kind` is not a realtime scaffold, or `null`.
 *
 * @example
 * realtimeKindProblem("socket"); // 'realtime kind "socket" is unknown; use one of: channel, handler'
 */
export function realtimeKindProblem(kind: unknown): string | null {
  return isRealtimeKind(kind) ? null : `realtime kind ${JSON.stringify(kind)} is unknown; use one of: ${REALTIME_KINDS.join(", ")}`;
}

/**
 * Why `feature` cannot take a realtime scaffold: a bad name or no such feature package.
 *
 * @example
 * realtimeFeatureProblems("/repo", "nope"); // ['unknown feature "nope"; features: auth, notifications']
 */
export function realtimeFeatureProblems(root: string, feature: unknown): string[] {
  const invalid = nameProblem("feature name", feature);
  if (invalid !== null || typeof feature !== "string") return [invalid ?? "feature name is required"];
  if (!isFeaturePackage(root, feature)) return [`unknown feature "${feature}"; features: ${listFeatures(root).join(", ") || "(none)"}`];
  if (!existsSync(join(root, "packages", feature, "package.json"))) return [`packages/${feature}/package.json is missing`];
  return [];
}

function anchorProblems(root: string, file: string, anchors: readonly Anchor[]): string[] {
  const source = readTextOrNull(join(root, file));
  if (source === null) return [`${file} is missing`];
  return anchors.filter((anchor) => !hasAnchor(source, anchor)).map((anchor) => `${file} lost its "${anchor}" line; restore it before generating`);
}

function channelProblems(root: string, feature: string, name: string): string[] {
  const files = featureWiringFiles(feature);
  const channel = channelFiles(feature, name);
  if (existsSync(join(root, channel.source))) return [`channel "${name}" already exists in ${feature} (${channel.source})`];
  if (existsSync(join(root, channel.test))) return [`${channel.test} already exists`];
  return [
    ...anchorProblems(root, files.index, [ANCHORS.realtimeChannels]),
    ...anchorProblems(root, files.bindProduction, [ANCHORS.realtimeHandlers]),
  ];
}

function handlerProblems(root: string, feature: string, name: string): string[] {
  const files = featureWiringFiles(feature);
  const handler = handlerFiles(feature, name);
  if (existsSync(join(root, handler.source))) return [`handler "on-${name}" already exists in ${feature} (${handler.source})`];
  if (existsSync(join(root, handler.test))) return [`${handler.test} already exists`];
  const channel = channelFiles(feature, name);
  const channelSource = readTextOrNull(join(root, channel.source));
  if (channelSource === null) {
    return [`feature ${feature} has no channel "${name}" (${channel.source}); generate it first: pnpm gen realtime --args channel ${feature} ${name}`];
  }
  const pascal = pascalCaseName(name);
  // The handler scaffold reads the inbound payload and broadcasts the message shape the channel
  // generator writes; a hand-written channel has other shapes, so the scaffold would not compile.
  const expected = [`${camelCaseName(name)}Channel`, `Z${pascal}Inbound`, `Z${pascal}Message`];
  const missing = expected.filter((exported) => !new RegExp(`^export const ${exported}\\b`, "m").test(channelSource));
  const problems = missing.length === 0 ? [] : [`${channel.source} does not export ${missing.join(", ")} (the shape \`realtime channel\` writes); write this handler by hand`];
  const symbols = readTextOrNull(join(root, files.symbols));
  const symbolsConst = `${pascalCaseName(feature)}Symbols`;
  if (symbols !== null && !new RegExp(`^export const ${symbolsConst}\\b`, "m").test(symbols)) problems.push(`${files.symbols} does not export ${symbolsConst}`);
  if (symbols?.includes(`on${pascal}Handler:`) === true) problems.push(`${files.symbols} already has an on${pascal}Handler token`);
  const bindSource = readTextOrNull(join(root, files.bindProduction));
  if (bindSource !== null && !/\bconst container = /.test(bindSource)) {
    problems.push(`${files.bindProduction} has no \`const container = createContainer(...)\` to bind the handler in`);
  }
  return [
    ...problems,
    ...anchorProblems(root, files.symbols, [ANCHORS.realtimeSymbols]),
    ...anchorProblems(root, files.bindProduction, [ANCHORS.realtimeHandlers]),
  ];
}

/**
 * Why `name` cannot become a `kind` in `feature`: a bad name, an existing channel or handler, a
 * handler without its channel, or a lost anchor. Assumes kind and feature passed their checks.
 *
 * @example
 * realtimeNameProblems("/repo", "channel", "notifications", "notifications"); // ['channel "notifications" already exists in notifications (...)']
 */
export function realtimeNameProblems(root: string, kind: RealtimeKind, feature: string, name: unknown): string[] {
  const invalid = nameProblem(`${kind} name`, name);
  if (invalid !== null || typeof name !== "string") return [invalid ?? `${kind} name is required`];
  return kind === "channel" ? channelProblems(root, feature, name) : handlerProblems(root, feature, name);
}

/**
 * Every problem with `realtime <kind> <feature> <name>`; empty when the generator may run.
 *
 * @example
 * realtimeProblems("/repo", { kind: "channel", feature: "polls", name: "votes" }); // []
 */
export function realtimeProblems(root: string, answers: RealtimeAnswers): string[] {
  const kindProblem = realtimeKindProblem(answers.kind);
  if (kindProblem !== null) return [kindProblem];
  const featureProblemList = realtimeFeatureProblems(root, answers.feature);
  if (featureProblemList.length > 0 || typeof answers.feature !== "string" || !isRealtimeKind(answers.kind)) return featureProblemList;
  return realtimeNameProblems(root, answers.kind, answers.feature, answers.name);
}
