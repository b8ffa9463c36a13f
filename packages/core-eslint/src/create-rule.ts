import { ESLintUtils } from "@typescript-eslint/utils";

/** Where each rule's docs page lives; RuleCreator derives `meta.docs.url` from the rule name. */
export const RULE_DOCS_BASE_URL = "https://github.com/repo/realtime-monorepo/blob/main/packages/core-eslint/docs/rules";

/**
 * typescript-eslint's RuleCreator bound to this plugin's docs URLs.
 *
 * @example
 * export const rule = createRule({ name: "no-x", meta: { ... }, create: (context) => ({}) });
 */
export const createRule = ESLintUtils.RuleCreator((name) => `${RULE_DOCS_BASE_URL}/${name}.md`);
