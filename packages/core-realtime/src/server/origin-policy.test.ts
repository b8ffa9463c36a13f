import { describe, expect, it } from "vitest";
import { isOriginAllowed } from "./origin-policy";

describe("isOriginAllowed", () => {
  const allowed = ["https://app.example.com", "http://localhost:3000"];
  it.each([
    [undefined, "api.example.com", true, "no Origin: a non-browser client"],
    ["https://api.example.com", "api.example.com", true, "same origin"],
    ["https://API.example.com", "api.example.com", true, "host compared case-insensitively"],
    ["https://app.example.com", "api.example.com", true, "listed origin"],
    ["http://localhost:3000", "127.0.0.1:3000", true, "listed origin with port"],
    ["http://localhost:3001", "127.0.0.1:3000", false, "other port"],
    ["http://app.example.com", "api.example.com", false, "listed host, other scheme"],
    ["https://app.example.com.evil.example", "api.example.com", false, "suffix trick"],
    ["https://evil.example", "api.example.com", false, "another site"],
    ["null", "api.example.com", false, "opaque origin"],
    ["not a url", "api.example.com", false, "garbage"],
    ["https://evil.example", undefined, false, "no Host header"],
  ])("%s against host %s -> %s (%s)", (origin, host, expected, _why) => {
    expect(isOriginAllowed(origin, host, allowed)).toBe(expected);
  });

  it.each([
    ["http://api.example.com", "http", true],
    ["https://api.example.com", "https", true],
    ["http://api.example.com", "https", false],
    ["https://api.example.com", "http", false],
    // A listed origin is trusted whatever the request's scheme.
    ["https://app.example.com", "http", true],
  ] as const)("%s on a %s request -> %s (scheme, host and port)", (origin, scheme, expected) => {
    expect(isOriginAllowed(origin, "api.example.com", allowed, scheme)).toBe(expected);
  });
});
