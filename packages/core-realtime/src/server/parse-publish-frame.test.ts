import { describe, expect, it } from "vitest";
import { ZPublishFrame } from "../protocol/wire-protocol";
import { parsePublishFrame } from "./parse-publish-frame";

const long = (n: number): string => "x".repeat(n);

// Every kind of frame gate 3 may see, valid and not: the hand check must answer exactly as the schema.
const FRAMES: ReadonlyArray<[string, unknown]> = [
  ["channel and payload", { channel: "polls.p1", payload: { vote: "a" } }],
  ["with an id", { channel: "polls.p1", payload: 1, id: "m-1" }],
  ["payload null", { channel: "c", payload: null }],
  ["payload undefined but present", { channel: "c", payload: undefined }],
  ["no payload key", { channel: "c" }],
  ["id undefined", { channel: "c", payload: 1, id: undefined }],
  ["empty id", { channel: "c", payload: 1, id: "" }],
  ["id of 64", { channel: "c", payload: 1, id: long(64) }],
  ["id of 65", { channel: "c", payload: 1, id: long(65) }],
  ["numeric id", { channel: "c", payload: 1, id: 7 }],
  ["empty channel", { channel: "", payload: 1 }],
  ["channel of 256", { channel: long(256), payload: 1 }],
  ["channel of 257", { channel: long(257), payload: 1 }],
  ["numeric channel", { channel: 5, payload: 1 }],
  ["an extra key", { channel: "c", payload: 1, extra: true }],
  ["an extra key with an id", { channel: "c", payload: 1, id: "m", extra: true }],
  ["null", null],
  ["a string", "polls.p1"],
  ["an array", ["c", 1]],
  ["a class instance", Object.assign(new (class Frame {})(), { channel: "c", payload: 1 })],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { channel: "c", payload: 1 })],
];

describe("parsePublishFrame", () => {
  it.each(FRAMES)("answers as ZPublishFrame does: %s", (_name, raw) => {
    const parsed = ZPublishFrame.safeParse(raw);
    const frame = parsePublishFrame(raw);
    expect(frame).toEqual(parsed.success ? parsed.data : null);
    if (frame !== null && parsed.success) expect(Object.keys(frame).sort()).toEqual(Object.keys(parsed.data).sort());
  });
});
