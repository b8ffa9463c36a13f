import { createContainer } from "@repo/core-di";
import type { FeatureModule } from "@repo/core-di";
import { describe, expect, it } from "vitest";
import { FeatureKeyMismatchError, featureRouters } from "./feature-routers";

const moduleNamed = <R>(name: string, router?: R): FeatureModule<R> =>
  router === undefined ? { name, container: createContainer(name) } : { name, container: createContainer(name), router };

describe("featureRouters", () => {
  it("keys each router by its feature and leaves out features without one", () => {
    const polls = { kind: "polls-router" };
    const routers = featureRouters({ polls: moduleNamed("polls", polls), audit: moduleNamed<never>("audit") });
    expect(routers).toEqual({ polls });
  });

  it("refuses a feature registered under another name", () => {
    expect(() => featureRouters({ votes: moduleNamed("polls", {}) })).toThrow(FeatureKeyMismatchError);
  });
});
