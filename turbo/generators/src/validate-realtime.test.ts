import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFixtureRepo, featureFiles, generatedChannel } from "./__tests__/fixture-repo";
import type { FixtureRepo } from "./__tests__/fixture-repo";
import { realtimeProblems } from "./validate-realtime";

describe("realtimeProblems", () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = createFixtureRepo({
      ...featureFiles("polls", "PollsSymbols"),
      "packages/polls/src/realtime/votes.channel.ts": generatedChannel("votes", "Votes"),
      "packages/polls/src/realtime/handlers/on-votes.handler.ts": "export {};\n",
      "packages/polls/src/realtime/live-scores.channel.ts": generatedChannel("liveScores", "LiveScores"),
      "packages/polls/src/realtime/hand-written.channel.ts": "export const handWrittenChannel = defineRealtimeChannel({});\n",
      "packages/core-di/turbo.json": JSON.stringify({ tags: ["core"] }),
    });
  });

  afterEach(() => repo.dispose());

  it.each([
    { kind: "channel", feature: "polls", name: "results" },
    { kind: "handler", feature: "polls", name: "live-scores" },
  ])("accepts $kind $feature $name", (answers) => {
    expect(realtimeProblems(repo.root, answers)).toEqual([]);
  });

  it.each([
    { kind: "socket", feature: "polls", name: "x", problem: 'realtime kind "socket" is unknown; use one of: channel, handler' },
    { kind: "channel", feature: "nope", name: "x", problem: 'unknown feature "nope"; features: polls' },
    { kind: "channel", feature: "core-di", name: "x", problem: 'unknown feature "core-di"' },
    { kind: "channel", feature: "Polls", name: "x", problem: "contains upper-case letters" },
    { kind: "channel", feature: "../polls", name: "x", problem: "contains a path separator" },
    { kind: "channel", feature: "..", name: "x", problem: "contains a dot" },
    { kind: "channel", feature: "polls", name: "Votes", problem: 'channel name "Votes" contains upper-case letters' },
    { kind: "channel", feature: "polls", name: "my votes", problem: "contains whitespace" },
    { kind: "channel", feature: "polls", name: "a/b", problem: "contains a path separator" },
    { kind: "channel", feature: "polls", name: "votes.v2", problem: "contains a dot" },
    { kind: "channel", feature: "polls", name: "9votes", problem: "starts with a digit" },
    { kind: "channel", feature: "polls", name: "votes", problem: 'channel "votes" already exists in polls' },
    { kind: "handler", feature: "polls", name: "votes", problem: 'handler "on-votes" already exists in polls' },
    { kind: "handler", feature: "polls", name: "results", problem: 'feature polls has no channel "results"' },
    { kind: "handler", feature: "polls", name: "hand-written", problem: "does not export ZHandWrittenInbound, ZHandWrittenMessage" },
  ])("refuses $kind $feature $name ($problem)", ({ problem, ...answers }) => {
    expect(realtimeProblems(repo.root, answers).join("\n")).toContain(problem);
  });

  it("refuses a handler whose token is still in symbols.ts", () => {
    repo.write("packages/polls/src/di/symbols.ts", "export const PollsSymbols = {\n  onLiveScoresHandler: token(),\n  // @anchor:realtime-symbols\n};\n");
    expect(realtimeProblems(repo.root, { kind: "handler", feature: "polls", name: "live-scores" })).toEqual([
      "packages/polls/src/di/symbols.ts already has an onLiveScoresHandler token",
    ]);
  });

  it("names the file and the anchor a feature lost", () => {
    repo.write("packages/polls/src/bind-production.ts", "const container = createContainer(NAME);\n  // @anchor:bindings\n");
    expect(realtimeProblems(repo.root, { kind: "channel", feature: "polls", name: "results" })).toEqual([
      'packages/polls/src/bind-production.ts lost its "// @anchor:realtime-handlers" line; restore it before generating',
    ]);
    repo.write("packages/polls/src/di/symbols.ts", "export const PollsSymbols = {};\n");
    expect(realtimeProblems(repo.root, { kind: "handler", feature: "polls", name: "live-scores" })).toContain(
      'packages/polls/src/di/symbols.ts lost its "// @anchor:realtime-symbols" line; restore it before generating',
    );
  });
});
