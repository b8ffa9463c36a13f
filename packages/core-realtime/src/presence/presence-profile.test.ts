import { describe, expect, it } from "vitest";
import type { RealtimeScope } from "../channels/scope";
import { presenceProfileOf, scopeShowsRoles } from "./presence-profile";

const alice = { userId: "u-alice", roles: ["admin", "staff"], displayName: "alice" };

describe("presence profile", () => {
  it.each<{ scope: RealtimeScope; roles: boolean }>([
    { scope: "public", roles: false },
    { scope: "authenticated", roles: false },
    { scope: { role: "staff" }, roles: true },
    { scope: { userScoped: "userId" }, roles: true },
  ])("on a $scope channel shows the display name, and the roles: $roles", ({ scope, roles }) => {
    expect(scopeShowsRoles(scope)).toBe(roles);
    expect(presenceProfileOf(alice, scope)).toEqual(roles ? { displayName: "alice", roles: ["admin", "staff"] } : { displayName: "alice" });
  });

  it("leaves the name out when the authenticator gave none", () => {
    expect(presenceProfileOf({ userId: "u1", roles: [] }, "authenticated")).toEqual({});
  });
});
