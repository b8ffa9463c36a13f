import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapWithLimit } from "./__tests__/map-with-limit";
import { createRepoCopy } from "./__tests__/repo-copy";
import type { CommandResult, RepoCopy } from "./__tests__/repo-copy";
import { findRepoRoot } from "./__tests__/repo-root";

// Runs every generator the way the README says (`pnpm gen <generator> --args ...`),
// non-interactively with stdin closed, in a private copy of the repo; then lints, typechecks and
// tests what they wrote. Where the time goes: the copy's install, one `pnpm install` per
// generated package, and the packages' real lint/typecheck/test scripts. So everything is
// generated once and checked in one pass; refusals (one process each) and the checks run two at a
// time, never more: the machine this must hold on has 2 cores.
const COPY_TIMEOUT_MS = 5 * 60_000;
const STEP_TIMEOUT_MS = 20 * 60_000;
const CONCURRENCY = 2;

let copy: RepoCopy;

/** The README's command: the root `pnpm gen` script, run by the workspace's pnpm. */
const pnpmGen = (generator: string, ...args: string[]): Promise<CommandResult> => copy.pnpmAsync(["gen", generator, "--args", ...args], { timeoutMs: 8 * 60_000 });

/** @turbo/gen's CLI itself (what `pnpm gen` runs), without pnpm's start-up: for the refusal table. */
const genCli = (generator: string, ...args: string[]): Promise<CommandResult> =>
  copy.runAsync(process.execPath, [join(copy.dir, "node_modules/@turbo/gen/dist/cli.js"), "run", generator, "--args", ...args]);

function expectSuccess(result: CommandResult): void {
  expect(result.output, result.output).not.toMatch(/Error -|ERR_PNPM/);
  expect(result.status, result.output).toBe(0);
}

function expectRefused(result: CommandResult | undefined, message: string): void {
  expect(result?.status, result?.output).not.toBe(0);
  expect(result?.status, `killed, not refused:\n${result?.output ?? ""}`).not.toBeNull();
  expect(result?.output).toContain(message);
}

/** Runs the refusals two at a time, then checks each one's exit code and message, and that none wrote a file. */
async function expectAllRefused(refusals: readonly { readonly run: () => Promise<CommandResult>; readonly message: string }[]): Promise<void> {
  const results = await mapWithLimit(refusals, CONCURRENCY, (refusal) => refusal.run());
  refusals.forEach((refusal, index) => expectRefused(results[index], refusal.message));
  expect(copy.status(), `a refused run wrote files:\n${results.map((result) => result.output).join("\n")}`).toBe("");
}

interface Refusal {
  readonly via: "pnpm gen" | "gen run";
  readonly generator: string;
  readonly args: readonly string[];
  readonly message: string;
}

const REFUSALS: readonly Refusal[] = [
  // The README's own command, exit code included: a refused name, a missing answer (stdin closed:
  // the prompt is shown, reads end-of-input, and the run aborts), an existing feature, a typo.
  { via: "pnpm gen", generator: "realtime", args: ["channel", "auth", "Bad Name"], message: 'channel name "Bad Name" contains whitespace' },
  { via: "pnpm gen", generator: "realtime", args: ["channel", "auth"], message: "Channel name" },
  { via: "pnpm gen", generator: "feature", args: ["auth"], message: "packages/auth already exists" },
  { via: "pnpm gen", generator: "nope", args: ["x"], message: 'unknown generator "nope"' },
  // Every input check, through the generators' CLI.
  { via: "gen run", generator: "feature", args: ["Live Feed"], message: 'feature name "Live Feed" contains whitespace' },
  { via: "gen run", generator: "feature", args: ["LiveFeed"], message: "contains upper-case letters" },
  { via: "gen run", generator: "feature", args: ["live/feed"], message: "contains a path separator" },
  { via: "gen run", generator: "feature", args: ["live.feed"], message: "contains a dot" },
  { via: "gen run", generator: "feature", args: ["2feed"], message: "starts with a digit" },
  { via: "gen run", generator: "core-package", args: ["realtime"], message: "packages/core-realtime already exists; the generator never overwrites a package" },
  { via: "gen run", generator: "core-package", args: ["Search"], message: "contains upper-case letters" },
  { via: "gen run", generator: "realtime", args: ["socket", "auth", "x"], message: 'realtime kind "socket" is unknown' },
  { via: "gen run", generator: "realtime", args: ["channel", "nope", "x"], message: 'unknown feature "nope"' },
  { via: "gen run", generator: "realtime", args: ["channel", "auth", "Sessions"], message: 'channel name "Sessions" contains upper-case letters' },
  { via: "gen run", generator: "realtime", args: ["channel", "auth", "../x"], message: "contains a path separator" },
  { via: "gen run", generator: "realtime", args: ["handler", "auth", "sessions"], message: 'feature auth has no channel "sessions"' },
  { via: "gen run", generator: "realtime", args: ["handler", "notifications", "notifications"], message: "does not export ZNotificationsInbound" },
];

describe("generators in a copy of the repo", () => {
  beforeAll(() => {
    copy = createRepoCopy(findRepoRoot());
  }, COPY_TIMEOUT_MS);

  afterAll(() => {
    if (process.env.KEEP_GENERATORS_COPY === undefined) copy?.dispose();
  }, COPY_TIMEOUT_MS);

  describe("every refusal exits non-zero, says why, and writes nothing", () => {
    let results: CommandResult[] = [];

    beforeAll(async () => {
      results = await mapWithLimit(REFUSALS, CONCURRENCY, ({ via, generator, args }) => (via === "pnpm gen" ? pnpmGen(generator, ...args) : genCli(generator, ...args)));
    }, STEP_TIMEOUT_MS);

    it.each(REFUSALS.map((refusal, index) => ({ ...refusal, index })))("$via $generator --args $args", ({ index, message }) => {
      expectRefused(results[index], message);
    });

    it("none of the refused runs wrote a file", () => {
      expect(copy.status(), results.map((result) => result.output).join("\n")).toBe("");
    });
  });

  describe("pnpm gen writes code that is wired in (generated once, checked in one pass below)", () => {
    it("feature live-feed: a package wired into bindAll() and the app's dependencies, whose bare template lints", async () => {
      expectSuccess(await pnpmGen("feature", "live-feed"));
      expect(readFileSync(join(copy.dir, "apps/web-next/src/bind-all.ts"), "utf8")).toContain(
        '    "live-feed": await chooseBind(env, ctx, bindProductionLiveFeed, bindDevSeedLiveFeed),\n    // @anchor:features',
      );
      expect(JSON.parse(readFileSync(join(copy.dir, "apps/web-next/package.json"), "utf8"))).toMatchObject({ dependencies: { "@repo/live-feed": "workspace:*" } });
      const migrations = readFileSync(join(copy.dir, "apps/web-next/src/feature-migrations.ts"), "utf8");
      expect(migrations).toContain('import { liveFeedMigrations } from "@repo/live-feed";\n');
      expect(migrations).toContain("  liveFeedMigrations,\n  // @anchor:feature-migrations");
      for (const file of ["src/migrations/0001-create-live-feed-notes.ts", "src/migrations/live-feed-migrations.ts", "src/repositories/sql-note-repository.ts", "src/repositories/sql-note-repository.test.ts"]) {
        expect(existsSync(join(copy.dir, "packages/live-feed", file)), file).toBe(true);
      }
      // Linted before the realtime generators edit it: an import the bare template leaves unused
      // would be hidden once a generated handler uses it. Typecheck and tests run on the final
      // package below (the realtime generators only add code).
      expectSuccess(copy.pnpm(["--filter", "@repo/live-feed", "lint"]));
      copy.commit("feature live-feed");
    }, STEP_TIMEOUT_MS);

    it("realtime channel and handler thread through a generated feature's anchors", async () => {
      expectSuccess(await pnpmGen("realtime", "channel", "live-feed", "scores"));
      expectSuccess(await pnpmGen("realtime", "handler", "live-feed", "scores"));
      const index = readFileSync(join(copy.dir, "packages/live-feed/src/index.ts"), "utf8");
      expect(index).toContain('export { scoresChannel, ZScoresInbound, ZScoresMessage } from "./realtime/scores.channel";\n');
      expect(index).not.toContain("handlers/");
      // One wiring: the generators write bind-production.ts only; bind-dev-seed.ts runs it.
      const production = readFileSync(join(copy.dir, "packages/live-feed/src/bind-production.ts"), "utf8");
      expect(production).toContain("ctx.realtimeRegistry.registerChannel(scoresChannel);");
      expect(production).toContain('instrumentRealtimeHandler(ctx, "live-feed.on-scores", container.get(LiveFeedSymbols.onScoresHandler))');
      const devSeed = readFileSync(join(copy.dir, "packages/live-feed/src/bind-dev-seed.ts"), "utf8");
      expect(devSeed).toContain("bindProductionLiveFeed(ctx)");
      expect(devSeed).not.toContain("scores");
      copy.commit("realtime scores");
    }, STEP_TIMEOUT_MS);

    it("realtime channel and handler work on an existing feature (auth) and add the dependencies it lacked", async () => {
      expectSuccess(await pnpmGen("realtime", "channel", "auth", "presence-notes"));
      expectSuccess(await pnpmGen("realtime", "handler", "auth", "presence-notes"));
      expect(JSON.parse(readFileSync(join(copy.dir, "packages/auth/package.json"), "utf8"))).toMatchObject({ devDependencies: { "@repo/core-testing": "workspace:*" } });
      copy.commit("realtime presence-notes in auth");
    }, STEP_TIMEOUT_MS);

    it("core-package search writes packages/core-search (tag core)", async () => {
      expectSuccess(await pnpmGen("core-package", "search"));
      expect(JSON.parse(readFileSync(join(copy.dir, "packages/core-search/turbo.json"), "utf8"))).toMatchObject({ tags: ["core"] });
      copy.commit("core-package search");
    }, STEP_TIMEOUT_MS);

    it("refuses what now exists (feature, channel, handler, core package) and writes nothing", async () => {
      await expectAllRefused([
        { run: () => pnpmGen("feature", "live-feed"), message: "packages/live-feed already exists" },
        { run: () => pnpmGen("realtime", "channel", "live-feed", "scores"), message: 'channel "scores" already exists in live-feed' },
        { run: () => pnpmGen("realtime", "handler", "live-feed", "scores"), message: 'handler "on-scores" already exists in live-feed' },
        { run: () => pnpmGen("core-package", "search"), message: "packages/core-search already exists" },
      ]);
    }, STEP_TIMEOUT_MS);
  });

  describe("one pass over everything generated: lint, typecheck, tests, the app", () => {
    const CHECKS: readonly { readonly name: string; readonly args: readonly string[]; readonly cwd?: string }[] = [
      // The app first: its typecheck is the longest single step.
      { name: "the app typechecks with every generated feature bound", args: ["--filter", "@repo/web-next", "typecheck"] },
      { name: "the app's wiring (bind-all.ts) lints", args: ["exec", "eslint", "--max-warnings", "0", "src/bind-all.ts"], cwd: "apps/web-next" },
      ...["lint", "typecheck", "test"].map((script) => ({ name: `live-feed (feature + realtime channel and handler): ${script}`, args: ["--filter", "@repo/live-feed", script] })),
      ...["lint", "typecheck", "test"].map((script) => ({ name: `core-search: ${script}`, args: ["--filter", "@repo/core-search", script] })),
      // The templates were linted in live-feed; in auth the point is the wiring into a
      // hand-written feature, which its typecheck and bind test prove.
      { name: "auth (hand-written feature + realtime): typecheck", args: ["--filter", "@repo/auth", "typecheck"] },
      { name: "auth (hand-written feature + realtime): realtime and bind tests", args: ["exec", "vitest", "run", "src/realtime", "src/bind-feature.test.ts"], cwd: "packages/auth" },
    ];
    let results: CommandResult[] = [];

    beforeAll(async () => {
      results = await mapWithLimit(CHECKS, CONCURRENCY, ({ args, cwd }) => copy.pnpmAsync(args, { timeoutMs: STEP_TIMEOUT_MS, ...(cwd === undefined ? {} : { cwd }) }));
    }, STEP_TIMEOUT_MS);

    it.each(CHECKS.map((check, index) => ({ ...check, index })))("$name", ({ index }) => {
      const result = results[index];
      expect(result).toBeDefined();
      if (result !== undefined) expectSuccess(result);
    });

    it("bindAll() serves the generated feature's procedure, registers its channel with its handler, and migrates its table", () => {
      const script = join(copy.dir, "apps/web-next/generated-wiring.check.ts");
      writeFileSync(
        script,
        [
          'import { LiveFeedSymbols } from "@repo/live-feed";',
          'import { bindAll } from "./src/bind-all";',
          "const bound = await bindAll();",
          // bindAll()'s default store is migrated with featureMigrations: the generated table must exist.
          'const notes = bound.features["live-feed"].container.get(LiveFeedSymbols.noteRepository);',
          'await notes.add({ id: "n1", userId: "alice", text: "stored in live_feed_notes", createdAt: 1 });',
          'const caller = bound.appRouter.createCaller({ user: { userId: "alice", roles: [] }, requestId: "check" });',
          "const registry = bound.realtime.realtimeRegistry;",
          "const wiring = {",
          '  echo: await caller["live-feed"].echo({ text: "hi" }),',
          '  channel: registry.listChannels().some((channel) => channel.name === "live-feed.scores"),',
          '  handler: registry.getInboundDescriptor("live-feed.scores") !== undefined,',
          '  notes: (await notes.listForUser("alice", 5)).map((note) => note.text),',
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
        expect(JSON.parse(line?.slice("WIRING ".length) ?? "null"), result.output).toMatchObject({
          echo: { text: "hi", from: "alice" },
          channel: true,
          handler: true,
          notes: ["stored in live_feed_notes"],
        });
      } finally {
        rmSync(script, { force: true });
      }
    }, STEP_TIMEOUT_MS);
  });
});
