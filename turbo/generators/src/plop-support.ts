import type { PlopTypes } from "@turbo/gen";
import { camelCaseName, constantCaseName, pascalCaseName, propertyKey, snakeCaseName } from "./names";

/** Problems as plop's `validate` wants them: `true`, or the message to show. */
export function toPromptResult(problems: readonly string[]): true | string {
  return problems.length === 0 ? true : problems.join("\n");
}

/**
 * The first action of every generator: checks the answers again and aborts before any file is
 * written. `--args` answers pass the prompts' `validate` in plop's bypass, but a generator must
 * not depend on that: this check runs whatever path the answers took.
 *
 * @example
 * actions: [guardAction(() => featureProblems(root, answers.name)), ...]
 */
export function guardAction(check: (answers: PlopTypes.Answers) => readonly string[]): PlopTypes.CustomActionFunction {
  return (answers) => {
    const problems = check(answers);
    if (problems.length > 0) throw new Error(`nothing was written:\n  - ${problems.join("\n  - ")}`);
    return "inputs checked";
  };
}

/**
 * The case helpers templates use, from the same functions the validation uses, so a name is
 * spelled one way everywhere: `{{camel name}}`, `{{pascal name}}`, `{{constant name}}`, `{{snake name}}`,
 * `{{{key name}}}` (triple braces: the quotes must not be HTML-escaped).
 *
 * @example
 * registerNameHelpers(plop);
 */
export function registerNameHelpers(plop: PlopTypes.NodePlopAPI): void {
  plop.setHelper("camel", (name: string) => camelCaseName(name));
  plop.setHelper("pascal", (name: string) => pascalCaseName(name));
  plop.setHelper("constant", (name: string) => constantCaseName(name));
  plop.setHelper("snake", (name: string) => snakeCaseName(name));
  plop.setHelper("key", (name: string) => propertyKey(name));
}

/** A string answer, or `undefined` when the answer is missing or not a string. */
export function answerString(answers: PlopTypes.Answers, key: string): string | undefined {
  const value: unknown = answers[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * A plop `modify` action that rewrites a whole file through `transform`. node-plop accepts a
 * modify with a transform and no pattern ("modify must have a pattern or transform function");
 * @turbo/gen's `ModifyActionConfig` type asks for a pattern, so this is typed as a plain action.
 *
 * @example
 * modifyWithTransform("apps/web-next/package.json", (source) => addWorkspaceDependency(source, "@repo/polls"));
 */
export function modifyWithTransform(path: string, transform: (source: string, answers: PlopTypes.Answers) => string): PlopTypes.ActionType {
  const action: PlopTypes.ActionConfig & { readonly path: string; readonly transform: typeof transform } = { type: "modify", path, transform };
  return action;
}
