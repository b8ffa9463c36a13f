import type { z } from "zod";
import { ChannelTemplateError, formatChannelName } from "../channels/channel-template";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeErrorBody } from "../protocol/errors";
import type { RealtimeRequestEvent, RealtimeTransport } from "./realtime-transport";

/**
 * The concrete channel name for `params`; a missing or malformed parameter
 * is the caller's mistake, reported as `RealtimeError("INVALID_PARAMS")`
 * like the server reports it.
 */
export function channelNameOf<D extends AnyRealtimeChannel>(descriptor: D, params: ChannelParams<D["name"]>): string {
  try {
    return formatChannelName(descriptor.template, params);
  } catch (error) {
    if (error instanceof ChannelTemplateError) throw new RealtimeError("INVALID_PARAMS", error.message);
    throw error;
  }
}

/**
 * Sends `frame` and parses the ack with `schema`. Rejects with the
 * transport's error when no ack comes in time, and with
 * `RealtimeError("INVALID_FRAME")` when the ack does not match the wire contract.
 */
export async function requestAck<S extends z.ZodType>(
  transport: RealtimeTransport,
  event: RealtimeRequestEvent,
  frame: object,
  timeoutMs: number,
  schema: S,
): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await transport.request(event, frame, timeoutMs));
  if (!parsed.success) throw new RealtimeError("INVALID_FRAME", `The server sent a malformed ${event} ack`);
  return parsed.data;
}

/** A refusal ack's error as the `RealtimeError` that `publish` and `presence` reject with. */
export function refusalError(error: RealtimeErrorBody): RealtimeError {
  return new RealtimeError(error.code, error.message, { retryAfterMs: error.retryAfterMs });
}
