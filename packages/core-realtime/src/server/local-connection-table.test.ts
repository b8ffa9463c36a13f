import { describe, expect, it } from "vitest";
import { LocalConnectionTable } from "./local-connection-table";

describe("LocalConnectionTable", () => {
  it("caps sockets per user and forgets a user with their last socket", () => {
    const table = new LocalConnectionTable({ capacity: 2, refillPerSecond: 1 });
    expect([table.reserve("u", "s1", 2), table.reserve("u", "s1", 2), table.reserve("u", "s2", 2), table.reserve("u", "s3", 2)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(table.connectionsOf("u")).toBe(2);
    table.release("u", "s1");
    table.release("u", "s1");
    expect(table.reserve("u", "s3", 2)).toBe(true);
    table.release("u", "s2");
    table.release("u", "s3");
    expect(table.users).toBe(0);
    expect(table.userBucket("u")).toBeUndefined();
  });

  it("shares one publish bucket across a user's sockets", () => {
    const table = new LocalConnectionTable({ capacity: 1, refillPerSecond: 0.001 });
    table.reserve("u", "s1", 5);
    table.reserve("u", "s2", 5);
    expect(table.userBucket("u")?.take().ok).toBe(true);
    expect(table.userBucket("u")?.take().ok).toBe(false);
  });
});
