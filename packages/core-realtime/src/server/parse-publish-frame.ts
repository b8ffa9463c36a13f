import { MAX_CLIENT_MESSAGE_ID_LENGTH, ZPublishFrame } from "../protocol/wire-protocol";
import type { TPublishFrame } from "../protocol/wire-protocol";

/** `channelField` of the wire protocol: a string of 1 to 256 characters. */
const MAX_CHANNEL_LENGTH = 256;

function isShortString(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= max;
}

/**
 * Gate 3's frame check: exactly what `ZPublishFrame` accepts, or `null`. The
 * common frame (a plain object with `channel`, `payload` and maybe `id`, all
 * well-formed) is checked by hand, which costs a fraction of a zod parse on
 * every publish; anything else goes to `ZPublishFrame` itself, so unusual
 * input is judged by the schema, never by a second implementation of it.
 *
 * @example
 * const frame = parsePublishFrame({ channel: "polls.p1", payload: { vote: "a" } });
 * if (frame === null) return errorAck("INVALID_FRAME", "...");
 */
export function parsePublishFrame(raw: unknown): TPublishFrame | null {
  if (typeof raw === "object" && raw !== null && Object.getPrototypeOf(raw) === Object.prototype) {
    const frame = raw as Record<string, unknown>;
    let keys = 0;
    for (const key in frame) {
      if (key !== "channel" && key !== "payload" && key !== "id") {
        keys = -1;
        break;
      }
      keys++;
    }
    const withId = "id" in frame;
    if (
      keys === (withId ? 3 : 2) &&
      "payload" in frame &&
      isShortString(frame.channel, MAX_CHANNEL_LENGTH) &&
      (!withId || isShortString(frame.id, MAX_CLIENT_MESSAGE_ID_LENGTH))
    ) {
      return withId ? { channel: frame.channel, payload: frame.payload, id: frame.id as string } : { channel: frame.channel, payload: frame.payload };
    }
  }
  const parsed = ZPublishFrame.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
