import { describe, expect, it } from "vitest";
import { z } from "zod";
import { authorize } from "./authorize";
import { defineRealtimeChannel } from "./define-realtime-channel";
import type { RealtimeUser } from "./realtime-user";

const schema = z.object({});
const channels = {
  public: defineRealtimeChannel({ name: "feed", scope: "public", schema }),
  authenticated: defineRealtimeChannel({ name: "polls.{pollId}", scope: "authenticated", schema }),
  role: defineRealtimeChannel({ name: "admin.observability", scope: { role: "admin" }, schema }),
  userScoped: defineRealtimeChannel({ name: "notifications.user.{userId}", scope: { userScoped: "userId" }, schema }),
};

const users: Record<string, RealtimeUser | null> = {
  anonymous: null,
  alice: { userId: "alice", roles: ["admin"] },
  bob: { userId: "bob", roles: [] },
  bobWithOtherRole: { userId: "bob", roles: ["editor"] },
};

const paramShapes: Record<string, Record<string, unknown>> = {
  none: {},
  alice: { userId: "alice", pollId: "p1" },
  bob: { userId: "bob", pollId: "p1" },
  numericBob: { userId: 42 },
  inheritedBob: Object.create({ userId: "bob" }) as Record<string, unknown>,
};

type Expected = "ok" | "UNAUTHENTICATED" | "FORBIDDEN";

function expected(scope: keyof typeof channels, user: string, params: string): Expected {
  if (scope === "public") return "ok";
  if (user === "anonymous") return "UNAUTHENTICATED";
  if (scope === "authenticated") return "ok";
  if (scope === "role") return user === "alice" ? "ok" : "FORBIDDEN";
  const owner = params === "alice" ? "alice" : params === "bob" ? "bob" : undefined;
  return owner !== undefined && owner === users[user]?.userId ? "ok" : "FORBIDDEN";
}

const table = Object.keys(channels).flatMap((scope) =>
  Object.keys(users).flatMap((user) =>
    Object.keys(paramShapes).map((params) => [scope as keyof typeof channels, user, params] as const),
  ),
);

describe("authorize: every scope x user kind x param shape", () => {
  it.each(table)("%s channel, %s user, %s params", (scope, user, params) => {
    const result = authorize(channels[scope], paramShapes[params]!, users[user] ?? null);
    const want = expected(scope, user, params);
    if (want === "ok") expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: want });
  });

  it("covers the whole grid", () => {
    expect(table).toHaveLength(4 * 4 * 5);
  });
});
