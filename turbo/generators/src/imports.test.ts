import { describe, expect, it } from "vitest";
import { addNamedImports } from "./imports";

const bindFile = [
  'import { createContainer } from "@repo/core-di";',
  'import type { BindContext, FeatureModule } from "@repo/core-di";',
  'import { bindPollsServices } from "./di/bind-polls-services";',
  'import type { PollsRouter } from "./trpc/router";',
  "",
  "export function bind() {}",
  "",
].join("\n");

describe("addNamedImports", () => {
  it("puts a package import after the last package import that sorts before it", () => {
    const result = addNamedImports(bindFile, [{ from: "@repo/core-observability", names: ["withCapture", "withSpan"] }]);
    expect(result.split("\n").slice(0, 3)).toEqual([
      'import { createContainer } from "@repo/core-di";',
      'import type { BindContext, FeatureModule } from "@repo/core-di";',
      'import { withCapture, withSpan } from "@repo/core-observability";',
    ]);
  });

  it("opens the file with a package import that sorts before every other", () => {
    const result = addNamedImports(bindFile, [{ from: "@repo/auth", names: ["x"] }]);
    expect(result.split("\n")[0]).toBe('import { x } from "@repo/auth";');
  });

  it("keeps relative imports in specifier order too", () => {
    const result = addNamedImports(bindFile, [{ from: "./realtime/votes.channel", names: ["votesChannel"] }]);
    expect(result.split("\n").slice(2, 5)).toEqual([
      'import { bindPollsServices } from "./di/bind-polls-services";',
      'import { votesChannel } from "./realtime/votes.channel";',
      'import type { PollsRouter } from "./trpc/router";',
    ]);
  });

  it("merges into a one-line import of the same module and kind", () => {
    const result = addNamedImports(bindFile, [{ from: "@repo/core-di", names: ["Container"], typeOnly: true }]);
    expect(result).toContain('import type { BindContext, FeatureModule, Container } from "@repo/core-di";');
    expect(result.split("\n")).toHaveLength(bindFile.split("\n").length);
  });

  it("skips names already imported from that module, as a value or a type", () => {
    expect(addNamedImports(bindFile, [{ from: "@repo/core-di", names: ["createContainer", "BindContext"] }])).toBe(bindFile);
  });

  it("reads names from multi-line imports", () => {
    const source = ['import {', "  a,", "  b,", '} from "./x";', "", "a(b);", ""].join("\n");
    expect(addNamedImports(source, [{ from: "./x", names: ["b"] }])).toBe(source);
    expect(addNamedImports(source, [{ from: "./y", names: ["c"] }]).split("\n")[4]).toBe('import { c } from "./y";');
  });

  it("adds the first import of a file at the top", () => {
    expect(addNamedImports("export const a = 1;\n", [{ from: "zod", names: ["z"] }])).toBe('import { z } from "zod";\nexport const a = 1;\n');
  });
});
