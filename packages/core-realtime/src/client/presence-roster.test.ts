import { describe, expect, it } from "vitest";
import { PresenceRoster } from "./presence-roster";
import type { PresenceUpdate } from "../protocol/wire-protocol";

const channel = "rooms.r1";
const join = (userId: string): PresenceUpdate => ({ channel, event: "join", userId });
const leave = (userId: string): PresenceUpdate => ({ channel, event: "leave", userId });
const members = (...userIds: string[]) => userIds.map((userId) => ({ userId, connections: 1 }));

describe("PresenceRoster", () => {
  it("starts from the snapshot and applies later joins and leaves", () => {
    const roster = new PresenceRoster();
    roster.snapshotReceived(roster.snapshotRequested(), members("bob", "alice"));
    expect(roster.userIds()).toEqual(["alice", "bob"]);
    roster.apply(join("carol"));
    roster.apply(leave("alice"));
    expect(roster.userIds()).toEqual(["bob", "carol"]);
  });

  it("keeps each member's profile from the snapshot or their join, and only the wire's profile fields", () => {
    const roster = new PresenceRoster();
    const ticket = roster.snapshotRequested();
    roster.apply({ channel, event: "join", userId: "u-carol", displayName: "Carol" });
    roster.snapshotReceived(ticket, [
      { userId: "u-bob", connections: 2, displayName: "Bob", roles: ["staff"] },
      { userId: "u-anon", connections: 1 },
    ]);
    expect(roster.members()).toEqual([
      { userId: "u-anon" },
      { userId: "u-bob", displayName: "Bob", roles: ["staff"] },
      { userId: "u-carol", displayName: "Carol" },
    ]);
    roster.apply({ channel, event: "join", userId: "u-bob", displayName: "Bobby" });
    roster.apply(leave("u-carol"));
    expect(roster.members()).toEqual([{ userId: "u-anon" }, { userId: "u-bob", displayName: "Bobby" }]);
    expect(roster.userIds()).toEqual(["u-anon", "u-bob"]);
  });

  // Every interleaving of "carol joins, then leaves" with a snapshot computed before, between or
  // after the two updates, all received after the request was sent: carol must end up absent.
  it.each([
    { when: "before both", snapshot: members("alice") },
    { when: "between them", snapshot: members("alice", "carol") },
    { when: "after both", snapshot: members("alice") },
  ])("is right whatever the snapshot raced: computed $when", ({ snapshot }) => {
    const roster = new PresenceRoster();
    const ticket = roster.snapshotRequested();
    roster.apply(join("carol"));
    roster.apply(leave("carol"));
    roster.snapshotReceived(ticket, snapshot);
    expect(roster.userIds()).toEqual(["alice"]);
  });

  it("keeps a join that raced the snapshot", () => {
    const roster = new PresenceRoster();
    const ticket = roster.snapshotRequested();
    roster.apply(join("dave"));
    roster.snapshotReceived(ticket, members("alice")); // computed before dave joined
    expect(roster.userIds()).toEqual(["alice", "dave"]);
  });

  it("ignores an older snapshot that answers after a newer one", () => {
    const roster = new PresenceRoster();
    const older = roster.snapshotRequested();
    const newer = roster.snapshotRequested();
    roster.snapshotReceived(newer, members("alice", "bob"));
    roster.snapshotReceived(older, members("alice"));
    expect(roster.userIds()).toEqual(["alice", "bob"]);
  });

  it("keeps what it knows when a snapshot request fails", () => {
    const roster = new PresenceRoster();
    roster.snapshotReceived(roster.snapshotRequested(), members("alice"));
    const ticket = roster.snapshotRequested();
    roster.apply(join("bob"));
    roster.snapshotFailed(ticket);
    expect(roster.userIds()).toEqual(["alice", "bob"]);
  });
});
