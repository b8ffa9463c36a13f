import { z } from "zod";
import type { RealtimeErrorBody } from "./errors";

/**
 * The wire contract between any client and the server (ADR-018). Outside
 * clients are written against these names and shapes: extend, never rename.
 */
export const REALTIME_PROTOCOL_VERSION = "1.0.0";

/** Socket.IO path the server listens on by default. */
export const REALTIME_DEFAULT_PATH = "/socket.io";

export const REALTIME_EVENTS = {
  subscribe: "realtime:subscribe",
  unsubscribe: "realtime:unsubscribe",
  publish: "realtime:publish",
  presence: "realtime:presence",
  message: "realtime:message",
  messageBatch: "realtime:message-batch",
  presenceUpdate: "realtime:presence-update",
  unsubscribed: "realtime:unsubscribed",
  status: "realtime:status",
} as const;

/** Longest client message id accepted for publish de-duplication. */
export const MAX_CLIENT_MESSAGE_ID_LENGTH = 64;

const channelField = z.string().min(1).max(256);

export const ZSubscribeFrame = z.strictObject({
  channel: channelField,
  since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  epoch: z.string().min(1).max(64).optional(),
});
export type TSubscribeFrame = z.infer<typeof ZSubscribeFrame>;

export const ZUnsubscribeFrame = z.strictObject({ channel: channelField });

export const ZPublishFrame = z.strictObject({
  channel: channelField,
  payload: z.unknown(),
  id: z.string().min(1).max(MAX_CLIENT_MESSAGE_ID_LENGTH).optional(),
});
export type TPublishFrame = z.infer<typeof ZPublishFrame>;

export const ZPresenceFrame = z.strictObject({ channel: channelField });

/** What the handshake's `auth` object carries. */
export const ZHandshakeAuth = z.object({
  version: z.string().max(32).optional(),
  token: z.string().max(4096).optional(),
});

/** One message on a channel, as every subscriber receives it. */
export interface RealtimeMessage<TPayload = unknown> {
  readonly channel: string;
  readonly payload: TPayload;
  /** Strictly increasing per channel within one epoch; a gap means something was missed. */
  readonly seq: number;
  /** Changes when the sequence/history store lost its state; compare before trusting `seq`. */
  readonly epoch: string;
  readonly emittedAt: number;
  /**
   * Unique per message, kept when the message is delivered again (the outbox
   * relay delivers at least once): clients apply an id once (ADR-018, ADR-021).
   * Optional on the wire for older servers.
   */
  readonly id?: string;
}

/** One message inside a `realtime:message-batch` frame: the envelope without what the frame carries once. */
interface RealtimeBatchedMessage<TPayload = unknown> {
  readonly seq: number;
  readonly emittedAt: number;
  readonly id?: string;
  readonly payload: TPayload;
}

/**
 * Several messages of one channel and one epoch in one frame (channels
 * declared with `coalesce`, ADR-018), in `seq` order. A client unpacks it
 * with `unpackMessageBatch` and handles each message as if it had come alone.
 */
export interface RealtimeMessageBatch<TPayload = unknown> {
  readonly channel: string;
  readonly epoch: string;
  readonly messages: readonly RealtimeBatchedMessage<TPayload>[];
}

/**
 * The frame a server writes for a run of messages of one channel and epoch
 * (the caller guarantees both), in the order given.
 *
 * @example
 * packMessageBatch([a, b]); // { channel: a.channel, epoch: a.epoch, messages: [{ seq, emittedAt, id, payload }, ...] }
 */
export function packMessageBatch(messages: readonly [RealtimeMessage, ...RealtimeMessage[]]): RealtimeMessageBatch {
  const first = messages[0];
  return {
    channel: first.channel,
    epoch: first.epoch,
    messages: messages.map(({ seq, emittedAt, id, payload }) => (id === undefined ? { seq, emittedAt, payload } : { seq, emittedAt, id, payload })),
  };
}

/**
 * The ordinary envelopes a `realtime:message-batch` frame carries, in frame
 * order; an entry that is not an object with a numeric `seq` is left out (a malformed frame
 * delivers nothing rather than throwing in the transport).
 *
 * @example
 * for (const message of unpackMessageBatch(batch)) subscriptions.receive(message);
 */
export function unpackMessageBatch(batch: RealtimeMessageBatch): RealtimeMessage[] {
  const { channel, epoch, messages } = batch;
  if (!Array.isArray(messages)) return [];
  const unpacked: RealtimeMessage[] = [];
  for (const entry of messages as readonly unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { seq, emittedAt, id, payload } = entry as RealtimeBatchedMessage;
    if (typeof seq !== "number") continue;
    unpacked.push(id === undefined ? { channel, payload, seq, epoch, emittedAt } : { channel, payload, seq, epoch, emittedAt, id });
  }
  return unpacked;
}

/**
 * What a presence channel tells its subscribers about a member besides the
 * user id (additions to the wire, ADR-018): the display name when the
 * authenticator knows one, and the roles only on channels whose scope is a
 * role (everyone there holds that role already). Both optional.
 */
export interface PresenceProfile {
  readonly displayName?: string;
  readonly roles?: readonly string[];
}

export interface PresenceMember extends PresenceProfile {
  readonly userId: string;
  readonly connections: number;
}

/** A join carries the member's profile; a leave only the user id. */
export interface PresenceUpdate extends PresenceProfile {
  readonly channel: string;
  readonly event: "join" | "leave";
  readonly userId: string;
}

export type RealtimeConnectionHealth = "ok" | "degraded" | "draining";

export interface RealtimeStatusEvent {
  readonly state: RealtimeConnectionHealth;
  readonly reason?: string;
}

export interface ForcedUnsubscribe {
  readonly channel: string;
  readonly error: RealtimeErrorBody;
}

export type ErrorAck = { readonly ok: false; readonly error: RealtimeErrorBody };
export type Ack<T extends object = object> = ({ readonly ok: true } & T) | ErrorAck;

export type SubscribeAck = Ack<{
  readonly channel: string;
  /** Present when the frame carried `since`: true when every missed message was replayed. */
  readonly recovered?: boolean;
  readonly seq?: number;
  readonly epoch?: string;
}>;
export type UnsubscribeAck = Ack<{ readonly channel: string }>;
export type PublishAck = Ack<{ readonly result?: unknown; readonly duplicate?: boolean }>;
export type PresenceAck = Ack<{ readonly channel: string; readonly members: readonly PresenceMember[] }>;

/** Socket.IO typed events, shared by the server and client adapters. */
export interface ClientToServerEvents {
  "realtime:subscribe": (frame: unknown, ack: (response: SubscribeAck) => void) => void;
  "realtime:unsubscribe": (frame: unknown, ack: (response: UnsubscribeAck) => void) => void;
  "realtime:publish": (frame: unknown, ack: (response: PublishAck) => void) => void;
  "realtime:presence": (frame: unknown, ack: (response: PresenceAck) => void) => void;
}

export interface ServerToClientEvents {
  "realtime:message": (message: RealtimeMessage) => void;
  "realtime:message-batch": (batch: RealtimeMessageBatch) => void;
  "realtime:presence-update": (update: PresenceUpdate) => void;
  "realtime:unsubscribed": (notice: ForcedUnsubscribe) => void;
  "realtime:status": (status: RealtimeStatusEvent) => void;
}

/** `major.minor.patch`, digits only: what `auth.version` and a server's `protocolVersion` look like. */
const PROTOCOL_VERSION_PATTERN = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;

/** True for a `major.minor.patch` protocol version (digits only), e.g. for validating configuration. */
export function isProtocolVersion(version: string): boolean {
  return PROTOCOL_VERSION_PATTERN.test(version);
}

/**
 * Returns `version` when it is a `major.minor.patch` protocol version; throws otherwise, so a
 * misconfigured server fails at boot instead of refusing every client.
 *
 * @example
 * assertProtocolVersion("2.0.0"); // "2.0.0"
 */
export function assertProtocolVersion(version: string): string {
  if (!isProtocolVersion(version)) throw new Error(`Invalid realtime protocol version "${version}": expected major.minor.patch, e.g. 1.0.0`);
  return version;
}

/** True when two protocol versions share a major version. */
export function isCompatibleProtocolVersion(clientVersion: string, serverVersion = REALTIME_PROTOCOL_VERSION): boolean {
  const major = (v: string) => /^(\d+)\./.exec(v)?.[1];
  const clientMajor = major(clientVersion);
  return clientMajor !== undefined && clientMajor === major(serverVersion);
}

const CHANNEL_ROOM_PREFIX = "ch:";

/** Socket.IO room that holds the subscribers of a concrete channel. */
export function channelRoom(channel: string): string {
  return CHANNEL_ROOM_PREFIX + channel;
}

/** The channel a room carries, or null for the user, session and per-socket rooms. */
export function channelOfRoom(room: string): string | null {
  return room.startsWith(CHANNEL_ROOM_PREFIX) ? room.slice(CHANNEL_ROOM_PREFIX.length) : null;
}
