import { describe, expect, it } from "vitest";
import { assertProtocolVersion, isCompatibleProtocolVersion } from "./wire-protocol";

describe("protocol versions", () => {
  it.each(["1.0.0", "2.13.4"])("accepts %j as a server's protocol version", (version) => {
    expect(assertProtocolVersion(version)).toBe(version);
  });

  it.each(["2", "v2.0.0", "2.0", "", "2.0.0-beta", " 2.0.0"])("refuses %j as a server's protocol version", (version) => {
    expect(() => assertProtocolVersion(version)).toThrow(/Invalid realtime protocol version/);
  });

  it.each([
    ["1.7.3", "1.0.0", true],
    ["2.0.0", "1.0.0", false],
    ["2.0.0", "2.1.0", true],
    ["x.0.0", "1.0.0", false],
  ] as const)("client %s against server %s compatible: %s", (client, server, compatible) => {
    expect(isCompatibleProtocolVersion(client, server)).toBe(compatible);
  });
});
