import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { RULE_DOCS_BASE_URL } from "./create-rule";
import { coreEslintPlugin, recommended, repoGuards, REPO_RAW_SOCKET_IO_ALLOW, rules } from "./plugin";
import { DEFAULT_SOCKET_IO_ALLOW } from "./rules/no-direct-socket-io";

const packageDir = join(import.meta.dirname, "..");
const rulesDir = join(import.meta.dirname, "rules");
const ruleFileNames = readdirSync(rulesDir)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => file.slice(0, -".ts".length))
  .sort();
const registered = Object.entries(rules);

describe("plugin meta-test", () => {
  it("registers exactly the rules in src/rules/", () => {
    expect(Object.keys(rules).sort()).toEqual(ruleFileNames);
    expect(ruleFileNames).toHaveLength(5);
  });

  it.each(registered)("%s: its name, key and file agree, and its docs URL derives from the name", async (key, rule) => {
    expect(rule.name).toBe(key);
    expect(rule.meta.docs?.url).toBe(`${RULE_DOCS_BASE_URL}/${key}.md`);
    const module = (await import(`./rules/${key}.ts`)) as Record<string, unknown>;
    expect(Object.values(module)).toContain(rule);
  });

  it.each(registered)("%s: has a RuleTester test beside it", (key) => {
    const testFile = join(rulesDir, `${key}.test.ts`);
    expect(existsSync(testFile), `${testFile} is missing`).toBe(true);
    expect(readFileSync(testFile, "utf8")).toContain(`ruleTester.run("${key}"`);
  });

  it.each(registered)("%s: has a docs page with examples, options and when not to use it", (key, rule) => {
    const docFile = join(packageDir, "docs", "rules", `${key}.md`);
    expect(existsSync(docFile), `${docFile} is missing`).toBe(true);
    const doc = readFileSync(docFile, "utf8");
    expect(doc.startsWith(`# ${key}\n`)).toBe(true);
    for (const heading of ["## Incorrect", "## Correct", "## Options", "## When not to use it"]) {
      expect(doc, `${key}.md lacks "${heading}"`).toContain(`\n${heading}\n`);
    }
    expect(doc).toContain(`\n${rule.meta.docs?.description}.\n`);
  });

  it.each(registered)("%s: every message says what to do instead", (_key, rule) => {
    const messages: Record<string, string> = rule.meta.messages;
    for (const message of Object.values(messages)) expect(message).toMatch(/\binstead\b/);
  });
});

describe("configs", () => {
  const ruleIds = ruleFileNames.map((name) => `@repo/${name}`);

  it("the plugin carries its name and every rule", () => {
    expect(coreEslintPlugin.meta.name).toBe("@repo/core-eslint");
    expect((coreEslintPlugin as unknown as { rules: unknown }).rules).toBe(rules);
  });

  it("recommended turns every rule on as an error with default options", () => {
    expect(recommended.plugins["@repo"]).toBe(coreEslintPlugin);
    expect(recommended.rules).toEqual(Object.fromEntries(ruleIds.map((id) => [id, "error"])));
  });

  it("repoGuards widens only the Socket.IO allowlist, by tests and the bench / e2e packages", () => {
    expect(Object.keys(repoGuards.rules).sort()).toEqual([...ruleIds].sort());
    expect(repoGuards.rules["@repo/no-direct-socket-io"]).toEqual([
      "error",
      { allow: [...DEFAULT_SOCKET_IO_ALLOW, ...REPO_RAW_SOCKET_IO_ALLOW] },
    ]);
    expect(REPO_RAW_SOCKET_IO_ALLOW).toEqual(["**/*.test.ts", "**/*.test.tsx", "packages/bench/**"]);
  });
});
