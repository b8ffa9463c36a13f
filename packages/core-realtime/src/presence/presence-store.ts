import type { PresenceMember, PresenceProfile } from "../protocol/wire-protocol";

/** One connection of a user on a presence channel; `connectionId` is unique across instances. */
export interface PresenceConnection {
  readonly userId: string;
  readonly connectionId: string;
  /** What the channel shows about the user; the latest touch wins, `list` answers it with the member. */
  readonly profile?: PresenceProfile;
}

/** A user who left a presence channel because every connection of theirs expired (their instance died). */
export interface ExpiredPresence {
  readonly channel: string;
  readonly userId: string;
}

/**
 * Who is on each presence channel, shared by every instance. Connections are
 * leases: each instance refreshes its own with `touch` well within the TTL,
 * so the connections of an instance that died expire by themselves.
 *
 * @example
 * const joined = await presence.touch("rooms.r1", [{ userId: "alice", connectionId: "i1:s1" }]);
 * if (joined.includes("alice")) announce("join", "alice");
 */
export interface IPresenceStore {
  /** Adds or refreshes connections; answers the users who had no live connection before (they joined). */
  touch(channel: string, connections: readonly PresenceConnection[]): Promise<readonly string[]>;
  /** Removes one connection; true when it was the user's last one on the channel (they left). */
  remove(channel: string, connection: PresenceConnection): Promise<boolean>;
  /** Live members, by user id, with how many connections each holds and their profile. */
  list(channel: string): Promise<readonly PresenceMember[]>;
  /** Forgets connections nobody refreshed within the TTL; answers each user who left because of it, once across instances. */
  expire(): Promise<readonly ExpiredPresence[]>;
}
