import { createCallerFactory } from "@repo/core-trpc";
import { describe, expect, it } from "vitest";
import { createAuthRouter } from "./router";

const createCaller = createCallerFactory(createAuthRouter());

describe("auth router", () => {
  it("me answers the signed-in user's id and roles", async () => {
    const caller = createCaller({ user: { userId: "alice", roles: ["admin"], sessionId: "s1" }, requestId: "r" });
    expect(await caller.me()).toEqual({ id: "alice", roles: ["admin"] });
  });

  it("me answers null when signed out", async () => {
    expect(await createCaller({ user: null, requestId: "r" }).me()).toBeNull();
  });
});
