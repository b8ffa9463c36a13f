import { describe, expect, it } from "vitest";
import {
  ChannelTemplateError,
  formatChannelName,
  isValidChannelParamValue,
  matchChannelTemplate,
  parseChannelTemplate,
} from "./channel-template";

describe("parseChannelTemplate", () => {
  it("parses static and placeholder segments", () => {
    const parsed = parseChannelTemplate("notifications.user.{userId}");
    expect(parsed.paramNames).toEqual(["userId"]);
    expect(parsed.isTemplate).toBe(true);
    expect(parsed.segments).toEqual([
      { kind: "static", value: "notifications" },
      { kind: "static", value: "user" },
      { kind: "param", name: "userId" },
    ]);
  });

  it.each([
    ["", "empty name"],
    ["a..b", "empty segment"],
    ["a.{}", "empty placeholder"],
    ["a.user-{id}", "placeholder inside a segment"],
    ["a.{id}.{id}", "duplicate placeholder"],
    ["a.{1id}", "placeholder starting with a digit"],
    ["a b", "space"],
    ["a/b", "path separator"],
    ["x".repeat(300), "too long"],
  ])("rejects %j (%s)", (source) => {
    expect(() => parseChannelTemplate(source)).toThrow(ChannelTemplateError);
  });
});

describe("matchChannelTemplate", () => {
  const table: Array<[template: string, name: string, expected: Record<string, string> | null]> = [
    ["realtime-ping", "realtime-ping", {}],
    ["realtime-ping", "realtime-pong", null],
    ["notifications.user.{userId}", "notifications.user.42", { userId: "42" }],
    ["notifications.user.{userId}", "notifications.user.0b6c2f9e-6a1c-4d1e-9a55-3f0c7e2a9b10", { userId: "0b6c2f9e-6a1c-4d1e-9a55-3f0c7e2a9b10" }],
    ["notifications.user.{userId}", "notifications.user.a.b", null],
    ["notifications.user.{userId}", "notifications.user.{userId}", null],
    ["notifications.user.{userId}", "notifications.user.__proto__", null],
    ["notifications.user.{userId}", "notifications.user.", null],
    ["notifications.user.{userId}", "notifications.user", null],
    ["notifications.user.{userId}", "notifications.admin.42", null],
    ["polls.{pollId}.{view}", "polls.p1.results", { pollId: "p1", view: "results" }],
  ];

  it.each(table)("%s against %j", (template, name, expected) => {
    const params = matchChannelTemplate(template, name);
    expect(params === null ? null : { ...params }).toEqual(expected);
  });

  it("returns a prototype-less params object", () => {
    const params = matchChannelTemplate("a.{constructor}", "a.x");
    expect(params).not.toBeNull();
    expect(Object.getPrototypeOf(params)).toBeNull();
  });
});

describe("formatChannelName", () => {
  const template = parseChannelTemplate("notifications.user.{userId}");

  it("fills placeholders", () => {
    expect(formatChannelName(template, { userId: "u1" })).toBe("notifications.user.u1");
  });

  it.each([{}, { userId: "a.b" }, { userId: "" }, { userId: 42 }, { userId: "__proto__" }])(
    "refuses params %j",
    (params) => {
      expect(() => formatChannelName(template, params)).toThrow(ChannelTemplateError);
    },
  );

  it("ignores inherited keys", () => {
    const inherited = Object.create({ userId: "u1" }) as Record<string, unknown>;
    expect(() => formatChannelName(template, inherited)).toThrow(ChannelTemplateError);
  });
});

describe("isValidChannelParamValue", () => {
  it.each([
    ["u1", true],
    ["A-b_c", true],
    ["-leading", false],
    ["x".repeat(129), false],
    [null, false],
  ])("%j -> %s", (value, expected) => {
    expect(isValidChannelParamValue(value)).toBe(expected);
  });
});
