import { ChannelTemplateError, formatChannelName } from "../channels/channel-template";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";

/** What gate 4 accepted: the concrete channel name and the parsed payload. */
export interface ValidatedBroadcast<D extends AnyRealtimeChannel> {
  readonly name: string;
  readonly payload: ChannelPayload<D>;
}

/**
 * Gate 4's checks, shared by every broadcaster (Socket.IO, in-memory, the
 * outbox, the test double) so all refuse the same input with the same codes:
 * `INVALID_PAYLOAD` when the schema refuses, `INVALID_PARAMS` when the params
 * do not fill the template.
 *
 * @example
 * const { name, payload } = validateBroadcast(inbox, { userId: "bob" }, { title: "Hi" });
 */
export function validateBroadcast<D extends AnyRealtimeChannel>(
  channel: D,
  params: ChannelParams<D["name"]>,
  payload: ChannelPayload<D>,
): ValidatedBroadcast<D> {
  const parsed = channel.schema.safeParse(payload);
  if (!parsed.success) {
    throw new RealtimeError("INVALID_PAYLOAD", `Payload does not match the schema of channel "${channel.name}"`);
  }
  try {
    return { name: formatChannelName(channel.template, params), payload: parsed.data as ChannelPayload<D> };
  } catch (error) {
    if (error instanceof ChannelTemplateError) throw new RealtimeError("INVALID_PARAMS", error.message);
    throw error;
  }
}
