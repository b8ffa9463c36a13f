import { describe, expect, it } from "vitest";
import { createLifecycle } from "./lifecycle";

describe("createLifecycle", () => {
  it("moves forward only: starting -> ready -> draining -> stopped", () => {
    const lifecycle = createLifecycle();
    expect(lifecycle.phase).toBe("starting");
    lifecycle.markReady();
    expect(lifecycle.phase).toBe("ready");
    lifecycle.markDraining();
    lifecycle.markReady();
    expect(lifecycle.phase).toBe("draining");
    lifecycle.markStopped();
    lifecycle.markDraining();
    expect(lifecycle.phase).toBe("stopped");
  });
});
