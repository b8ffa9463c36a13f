// Sums the vitest JSON reports every package writes to test-output/vitest.json
// and prints one closing line, so CI logs end with a plain "N passed, N failed", preceded by
// each failing test's file, name and first error line: CI keeps only the tail of its log, and
// turbo's own tail names the failing package, not the test.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
const failures = [];
const firstLine = (text) => String(text ?? "").split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 300) ?? "";
for (const root of ["apps", "packages", "tooling"]) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const pkg = join(dir, "package.json");
    if (!existsSync(pkg)) continue;
    const scripts = JSON.parse(readFileSync(pkg, "utf8")).scripts ?? {};
    if (!scripts.test) continue;
    const report = join(dir, "test-output", "vitest.json");
    if (!existsSync(report)) {
      missing.push(dir);
      continue;
    }
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    for (const file of json.testResults ?? []) {
      const where = join(dir, String(file.name ?? "").split(`/${dir}/`).pop() ?? "");
      const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
      for (const test of failedTests) failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      // A file that fails before its tests run (import error, hook timeout) has no failed test.
      if (file.status === "failed" && failedTests.length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
    }
  }
}
for (const failure of failures) console.log(`FAILED ${failure}`);
if (missing.length > 0) console.log(`no vitest report in: ${missing.join(", ")}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failures.length > 0 || missing.length > 0 ? 1 : 0);
