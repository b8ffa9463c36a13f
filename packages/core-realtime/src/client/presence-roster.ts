import type { PresenceMember, PresenceProfile, PresenceUpdate } from "../protocol/wire-protocol";

/** A member as a page shows it: the user id and whatever profile the channel shares (display name, roles). */
export interface PresenceRosterMember extends PresenceProfile {
  readonly userId: string;
}

function rosterMember({ userId, displayName, roles }: PresenceRosterMember): PresenceRosterMember {
  return { userId, ...(displayName === undefined ? {} : { displayName }), ...(roles === undefined ? {} : { roles: [...roles] }) };
}

/**
 * Who is on a presence channel, as a client sees it: a snapshot from
 * `realtime:presence` with the join/leave updates applied on top.
 *
 * The snapshot and the updates race: an update may be computed before or
 * after the snapshot the server answers with. Joins and leaves are set
 * operations, so replaying every update received since the snapshot was
 * *requested*, in order, over the snapshot gives the right set in every
 * interleaving; that is what {@link PresenceRoster.snapshotReceived} does.
 *
 * @example
 * const roster = new PresenceRoster();
 * const ticket = roster.snapshotRequested();
 * roster.apply({ channel, event: "join", userId: "bob" });
 * roster.snapshotReceived(ticket, await client.presence(channel, params));
 * roster.userIds(); // ["alice", "bob"]
 * roster.members(); // [{ userId: "alice", displayName: "Alice" }, { userId: "bob", displayName: "Bob" }]
 */
export class PresenceRoster {
  #members = new Map<string, PresenceRosterMember>();
  /** Updates since the oldest snapshot request still in flight, by request ticket. */
  #pending = new Map<number, PresenceUpdate[]>();
  #nextTicket = 0;

  /** Call before asking for a snapshot; pass the ticket to `snapshotReceived`. */
  snapshotRequested(): number {
    const ticket = this.#nextTicket++;
    this.#pending.set(ticket, []);
    return ticket;
  }

  /** Replaces the set with the snapshot, then replays what arrived since its request. */
  snapshotReceived(ticket: number, members: readonly PresenceMember[]): void {
    const since = this.#pending.get(ticket);
    if (since === undefined) return; // superseded by a newer snapshot already applied
    this.#members = new Map(members.map((member) => [member.userId, rosterMember(member)]));
    for (const update of since) this.#applyToMembers(update);
    // Older requests would overwrite newer knowledge: drop them with this one.
    for (const pendingTicket of [...this.#pending.keys()]) if (pendingTicket <= ticket) this.#pending.delete(pendingTicket);
  }

  /** A snapshot request failed: forget its ticket (the set keeps the updates applied so far). */
  snapshotFailed(ticket: number): void {
    this.#pending.delete(ticket);
  }

  apply(update: PresenceUpdate): void {
    this.#applyToMembers(update);
    for (const since of this.#pending.values()) since.push(update);
  }

  /** Members' user ids, sorted, so renders are stable. */
  userIds(): readonly string[] {
    return [...this.#members.keys()].sort();
  }

  /** Members with their profiles, sorted by user id. */
  members(): readonly PresenceRosterMember[] {
    return [...this.#members.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  #applyToMembers(update: PresenceUpdate): void {
    if (update.event === "join") this.#members.set(update.userId, rosterMember(update));
    else this.#members.delete(update.userId);
  }
}
