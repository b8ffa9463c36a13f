import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepoCopy } from "./__tests__/repo-copy";
import type { CommandResult, RepoCopy } from "./__tests__/repo-copy";
import { findRepoRoot } from "./__tests__/repo-root";

// Runs every generator the way a developer does (`pnpm exec gen run <generator> --args ...`, the
// no-download form of `pnpm turbo gen`), non-interactively with stdin closed, in a private copy
// of the repo; then lints, typechecks and tests what they wrote. Minutes, not seconds: the copy
// gets its own install and the checks are the packages' real lint/typecheck/test scripts.
const COPY_TIMEOUT_MS = 5 * 60_000;
const STEP_TIMEOUT_MS = 20 * 60_000;

let copy: RepoCopy;

const gen = (generator: string, ...args: string[]): CommandResult => copy.pnpm(["exec", "gen", "run", generator, "--args", ...args], { timeoutMs: 8 * 60_000 });

function expectSuccess(result: CommandResult): void {
  expect(result.output, result.output).not.toMatch(/Error -|ERR_PNPM/);
  expect(result.status, result.output).toBe(0);
}

function expectRefusal(result: CommandResult, message: string): void {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(message);
  expect(copy.status(), `the refused run wrote files:\n${result.output}`).toBe("");
}

describe("generators in a copy of the repo", () => {
  beforeAll(() => {
    copy = createRepoCopy(findRepoRoot());
  }, COPY_TIMEOUT_MS);

  afterAll(() => {
    if (process.env.KEEP_GENERATORS_COPY === undefined) copy?.dispose();
  }, COPY_TIMEOUT_MS);

  it.each([
    { generator: "feature", args: ["Live Feed"], message: 'feature name "Live Feed" contains whitespace' },
    { generator: "feature", args: ["LiveFeed"], message: "contains upper-case letters" },
    { generator: "feature", args: ["live/feed"], message: "contains a path separator" },
    { generator: "feature", args: ["live.feed"], message: "contains a dot" },
    { generator: "feature", args: ["2feed"], message: "starts with a digit" },
    { generator: "feature", args: ["auth"], message: "packages/auth already exists" },
    { generator: "core-package", args: ["realtime"], message: "packages/core-realtime already exists; the generator never overwrites a package" },
    { generator: "core-package", args: ["Search"], message: "contains upper-case letters" },
    { generator: "realtime", args: ["socket", "auth", "x"], message: 'realtime kind "socket" is unknown' },
    { generator: "realtime", args: ["channel", "nope", "x"], message: 'unknown feature "nope"' },
    { generator: "realtime", args: ["channel", "auth", "Sessions"], message: 'channel name "Sessions" contains upper-case letters' },
    { generator: "realtime", args: ["channel", "auth", "../x"], message: "contains a path separator" },
    { generator: "realtime", args: ["handler", "auth", "sessions"], message: 'feature auth has no channel "sessions"' },
    { generator: "realtime", args: ["handler", "notifications", "notifications"], message: "does not export ZNotificationsInbound" },
    // A missing answer with stdin closed: the prompt is shown, reads end-of-input, and the run aborts.
    { generator: "realtime", args: ["channel", "auth"], message: "Channel name" },
  ])("refuses $generator $args and writes nothing", ({ generator, args, message }) => {
    expectRefusal(gen(generator, ...args), message);
  }, STEP_TIMEOUT_MS);

  it("feature live-feed writes a wired package that lints, typechecks and passes its tests", () => {
    expectSuccess(gen("feature", "live-feed"));
    expect(readFileSync(join(copy.dir, "apps/web-next/src/bind-all.ts"), "utf8")).toContain(
      '    "live-feed": await chooseBind(env, ctx, bindProductionLiveFeed, bindDevSeedLiveFeed),\n    // @anchor:features',
    );
    expect(JSON.parse(readFileSync(join(copy.dir, "apps/web-next/package.json"), "utf8"))).toMatchObject({ dependencies: { "@repo/live-feed": "workspace:*" } });
    for (const script of ["lint", "typecheck", "test"]) expectSuccess(copy.pnpm(["--filter", "@repo/live-feed", script]));
    copy.commit("feature live-feed");
  }, STEP_TIMEOUT_MS);

  it("realtime channel and handler thread through a generated feature's anchors and pass its checks", () => {
    expectSuccess(gen("realtime", "channel", "live-feed", "scores"));
    expectSuccess(gen("realtime", "handler", "live-feed", "scores"));
    const index = readFileSync(join(copy.dir, "packages/live-feed/src/index.ts"), "utf8");
    expect(index).toContain('export { scoresChannel, ZScoresInbound, ZScoresMessage } from "./realtime/scores.channel";\n');
    expect(index).not.toContain("handlers/");
    for (const bindFile of ["bind-production.ts", "bind-dev-seed.ts"]) {
      const source = readFileSync(join(copy.dir, "packages/live-feed/src", bindFile), "utf8");
      expect(source).toContain("ctx.realtimeRegistry.registerChannel(scoresChannel);");
      expect(source).toMatch(/withSpan\(\s*ctx\.tracer,\s*\{ op: "realtime-handler"[^}]*\},\s*withCapture\(ctx\.logger, \{ layer: "realtime-handler"/);
    }
    for (const script of ["lint", "typecheck", "test"]) expectSuccess(copy.pnpm(["--filter", "@repo/live-feed", script]));
    copy.commit("realtime scores");
  }, STEP_TIMEOUT_MS);

  it("refuses an existing feature, channel and handler, and writes nothing", () => {
    expectRefusal(gen("feature", "live-feed"), "packages/live-feed already exists");
    expectRefusal(gen("realtime", "channel", "live-feed", "scores"), 'channel "scores" already exists in live-feed');
    expectRefusal(gen("realtime", "handler", "live-feed", "scores"), 'handler "on-scores" already exists in live-feed');
  }, STEP_TIMEOUT_MS);

  it("realtime channel and handler work on an existing feature (auth) and add the dependencies it lacked", () => {
    expectSuccess(gen("realtime", "channel", "auth", "presence-notes"));
    expectSuccess(gen("realtime", "handler", "auth", "presence-notes"));
    expect(JSON.parse(readFileSync(join(copy.dir, "packages/auth/package.json"), "utf8"))).toMatchObject({ devDependencies: { "@repo/core-testing": "workspace:*" } });
    // The same templates were linted in live-feed above; here the point is the wiring into a
    // hand-written feature, which typecheck and its bind test prove.
    expectSuccess(copy.pnpm(["--filter", "@repo/auth", "typecheck"]));
    expectSuccess(copy.pnpm(["exec", "vitest", "run", "src/realtime", "src/bind-feature.test.ts"], { cwd: "packages/auth" }));
    copy.commit("realtime presence-notes in auth");
  }, STEP_TIMEOUT_MS);

  it("core-package search writes packages/core-search that lints, typechecks and passes its tests", () => {
    expectSuccess(gen("core-package", "search"));
    expect(JSON.parse(readFileSync(join(copy.dir, "packages/core-search/turbo.json"), "utf8"))).toMatchObject({ tags: ["core"] });
    for (const script of ["lint", "typecheck", "test"]) expectSuccess(copy.pnpm(["--filter", "@repo/core-search", script]));
    copy.commit("core-package search");
    expectRefusal(gen("core-package", "search"), "packages/core-search already exists");
  }, STEP_TIMEOUT_MS);

  it("the app still typechecks and its wiring still lints with every generated feature bound", () => {
    expectSuccess(copy.pnpm(["--filter", "@repo/web-next", "typecheck"]));
    expectSuccess(copy.pnpm(["exec", "eslint", "--max-warnings", "0", "src/bind-all.ts"], { cwd: "apps/web-next" }));
  }, STEP_TIMEOUT_MS);

  it("bindAll() serves the generated feature's procedure and registers its channel with its handler", () => {
    const script = join(copy.dir, "apps/web-next/generated-wiring.check.ts");
    writeFileSync(
      script,
      [
        'import { bindAll } from "./src/bind-all";',
        "const bound = await bindAll();",
        'const caller = bound.appRouter.createCaller({ user: { userId: "alice", roles: [] }, requestId: "check" });',
        "const registry = bound.realtime.realtimeRegistry;",
        "const wiring = {",
        '  echo: await caller["live-feed"].echo({ text: "hi" }),',
        '  channel: registry.listChannels().some((channel) => channel.name === "live-feed.scores"),',
        '  handler: registry.getInboundDescriptor("live-feed.scores") !== undefined,',
        "};",
        "await bound.close();",
        "console.log(`WIRING ${JSON.stringify(wiring)}`);",
        "",
      ].join("\n"),
    );
    try {
      const result = copy.pnpm(["exec", "tsx", "generated-wiring.check.ts"], { cwd: "apps/web-next", timeoutMs: 8 * 60_000 });
      expect(result.status, result.output).toBe(0);
      const line = result.output.split("\n").find((entry) => entry.startsWith("WIRING "));
      expect(JSON.parse(line?.slice("WIRING ".length) ?? "null"), result.output).toMatchObject({ echo: { text: "hi", from: "alice" }, channel: true, handler: true });
    } finally {
      rmSync(script, { force: true });
    }
  }, STEP_TIMEOUT_MS);
});
