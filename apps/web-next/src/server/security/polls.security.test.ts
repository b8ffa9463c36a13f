import { randomUUID } from "node:crypto";
import { REALTIME_PROTOCOL_VERSION } from "@repo/core-realtime";
import type { ClientToServerEvents, ForcedUnsubscribe, ServerToClientEvents } from "@repo/core-realtime";
import { MAX_DRAFTS_PER_USER, PollsSymbols, pollChannel } from "@repo/polls";
import type { IPollRepository, IVoteRepository } from "@repo/polls";
import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../__tests__/test-server";
import type { SignedIn } from "../__tests__/test-server";
import { leakedTo, startSecurityServer, tapWire } from "./security-kit";
import type { SecurityServer } from "./security-kit";

type ReconnectingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Long enough for a wrongly addressed packet to cross loopback if the server were going to send one. */
const QUIET_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

/**
 * Issue #18 finding 5, polls half: a draft poll is its creator's and admins'
 * only, on its channel (`polls.{pollId}` registered with `pollChannelPolicy`:
 * subscribe, history replay, presence, publish, re-authentication, recovery)
 * and when it is closed (refused `POLL_NOT_OPEN`: no tally pushed, nothing on
 * `polls-directory`); finding 3: a per-user draft quota and a `polls.list` that
 * pages (cursor) over what the caller may see. alice is an admin, bob is not: bob's drafts are readable
 * by alice, alice's by nobody but alice, and alice loses bob's when demoted.
 */
describe("security: draft polls stay private on the real app server", () => {
  let sec: SecurityServer;
  let alice: SignedIn;
  let bob: SignedIn;
  let polls: IPollRepository;
  let votes: IVoteRepository;

  /** A tRPC call over HTTP as `user`: queries (`polls.get`, `polls.list`) are GETs, mutations POSTs. */
  async function trpc(user: SignedIn, procedure: string, input: unknown): Promise<{ status: number; body: unknown }> {
    const query = procedure === "polls.get" || procedure === "polls.list";
    const url = `${sec.server.url}/api/trpc/${procedure}${query ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
    const response = await fetch(
      url,
      query
        ? { headers: { cookie: user.cookie } }
        : { method: "POST", headers: { "content-type": "application/json", cookie: user.cookie }, body: JSON.stringify(input) },
    );
    return { status: response.status, body: await response.json() };
  }

  async function createDraft(user: SignedIn): Promise<string> {
    const { status, body } = await trpc(user, "polls.create", { question: `draft-${randomUUID()}`, options: ["yes", "no"] });
    expect(status).toBe(200);
    return (body as { result: { data: { id: string } } }).result.data.id;
  }

  /** A tally on the draft's channel whose option id is a unique sentinel (the server pushes one like it on every vote). */
  async function broadcastTally(pollId: string): Promise<string> {
    const sentinel = `sentinel-${randomUUID()}`;
    await sec.broadcaster.broadcast(pollChannel, { pollId }, { options: [{ id: sentinel, votes: 0 }], totalVotes: 0 });
    return sentinel;
  }

  beforeAll(async () => {
    sec = await startSecurityServer({ REALTIME_REAUTH_INTERVAL_MS: "60000" });
    polls = sec.server.bound.features.polls.container.get(PollsSymbols.pollRepository);
    votes = sec.server.bound.features.polls.container.get(PollsSymbols.voteRepository);
    [alice, bob] = await Promise.all([sec.signIn("alice"), sec.signIn("bob")]);
  });
  afterAll(async () => {
    await sec.close();
  });

  it("refuses another user's draft with FORBIDDEN at subscribe, replay, presence and vote; no tally crosses the wire and no vote counts", async () => {
    const draft = await createDraft(alice);
    const channel = `polls.${draft}`;
    const [aliceSocket, bobSocket] = await Promise.all([sec.connect({ token: alice.token }), sec.connect({ token: bob.token })]);
    const [aliceWire, bobWire] = [tapWire(aliceSocket), tapWire(bobSocket)];
    expect(await aliceSocket.subscribe(channel)).toMatchObject({ ok: true });
    const inHistory = await broadcastTally(draft);
    await waitFor(() => aliceWire.some((data) => data.includes(inHistory)), 5_000, "the creator got the tally");

    expect(await bobSocket.subscribe(channel)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const replay: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel, since: 0 });
    expect(replay).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const presence: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:presence", { channel });
    expect(presence).toMatchObject({ ok: false });
    expect(await bobSocket.publish(channel, { optionId: "o1" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(bobWire.filter((data) => data.includes(inHistory) || data.includes("alice"))).toEqual([]);
    expect(await votes.counts(draft)).toEqual(new Map());
    expect(await leakedTo(await broadcastTally(draft), aliceWire, { bob: bobWire })).toEqual([]);
    const members: unknown = await aliceSocket.socket.timeout(3_000).emitWithAck("realtime:presence", { channel });
    expect(members).toEqual({ ok: true, channel, members: [{ userId: "alice", connections: 1, displayName: "alice" }] });
    // polls.get agrees with the channel: not found, as for an id that does not exist.
    expect((await trpc(bob, "polls.get", { id: draft })).status).toBe(404);
    aliceSocket.close();
    bobSocket.close();
  });

  it("refuses an unknown poll id the same way, and lets everyone in once the draft is opened", async () => {
    const bobSocket = await sec.connect({ token: bob.token });
    expect(await bobSocket.subscribe(`polls.${randomUUID()}`)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const draft = await createDraft(alice);
    expect(await bobSocket.subscribe(`polls.${draft}`)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await trpc(alice, "polls.open", { id: draft })).status).toBe(200);
    // A fresh socket: the refused verdict above may be cached on bob's first one for REALTIME_POLICY_CACHE_MS.
    const fresh = await sec.connect({ token: bob.token });
    expect(await fresh.subscribe(`polls.${draft}`)).toMatchObject({ ok: true });
    expect(await fresh.publish(`polls.${draft}`, { optionId: "o1" })).toMatchObject({ ok: true });
    bobSocket.close();
    fresh.close();
  });

  it("lets an admin read a user's draft, and drops that subscription at re-authentication when the role goes", async () => {
    const draft = await createDraft(bob);
    const channel = `polls.${draft}`;
    const aliceSocket = await sec.connect({ token: alice.token });
    const notices: ForcedUnsubscribe[] = [];
    aliceSocket.socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    const wire = tapWire(aliceSocket);
    expect(await aliceSocket.subscribe(channel)).toMatchObject({ ok: true });
    expect(await aliceSocket.subscribe("polls.seed-lunch")).toMatchObject({ ok: true });
    try {
      await sec.changeRoles("alice", []);
      await waitFor(() => notices.length > 0, 5_000, "re-authentication dropped the draft");
      expect(notices).toEqual([{ channel, error: { code: "FORBIDDEN", message: expect.any(String) as string } }]);
      const after = await broadcastTally(draft);
      await quiet();
      expect(wire.filter((data) => data.includes(after))).toEqual([]);
      expect(await aliceSocket.subscribe(channel)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(aliceSocket.socket.connected).toBe(true);
    } finally {
      await sec.changeRoles("alice", ["admin"]);
      aliceSocket.close();
    }
  });

  it("a session recovered after a demotion gets back the open poll, not the draft; the draft's missed tally never crosses the wire", async () => {
    const draft = await createDraft(bob);
    const session = await sec.signIn("alice");
    const socket: ReconnectingSocket = io(sec.server.url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      auth: { version: REALTIME_PROTOCOL_VERSION, token: session.token },
    });
    const wire: string[] = [];
    socket.io.on("open", () => socket.io.engine.on("packet", (packet: { data?: unknown }) => wire.push(String(packet.data))));
    const notices: ForcedUnsubscribe[] = [];
    socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    try {
      await waitFor(() => socket.connected, 5_000, "connected");
      for (const channel of [`polls.${draft}`, "polls.seed-lunch"]) {
        expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel })).toMatchObject({ ok: true });
      }
      const seen = await broadcastTally(draft);
      await waitFor(() => wire.some((data) => data.includes(seen)), 5_000, "first tally seen");

      const before = sec.server.realtimeServer.diagnostics().sockets;
      socket.io.engine.close(); // a network drop
      await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === before - 1, 5_000, "server saw the drop");
      await sec.changeRoles("alice", []);
      const missedLost = await broadcastTally(draft);
      const missedKept = await broadcastTally("seed-lunch");
      await waitFor(() => socket.connected, 10_000, "reconnected");

      expect(socket.recovered).toBe(true);
      await waitFor(() => notices.length === 1 && wire.some((data) => data.includes(missedKept)), 5_000, "recovery finished");
      expect(notices[0]).toMatchObject({ channel: `polls.${draft}`, error: { code: "FORBIDDEN" } });
      expect(wire.filter((data) => data.includes(missedLost))).toEqual([]);
    } finally {
      socket.disconnect();
      await sec.changeRoles("alice", ["admin"]);
    }
  });

  it("refuses to close a draft (409 POLL_NOT_OPEN): no tally pushed, nothing on polls-directory, still hidden from others", async () => {
    const draft = await createDraft(alice);
    const [aliceSocket, bobSocket] = await Promise.all([sec.connect({ token: alice.token }), sec.connect({ token: bob.token })]);
    expect(await aliceSocket.subscribe(`polls.${draft}`)).toMatchObject({ ok: true });
    expect(await bobSocket.subscribe("polls-directory")).toMatchObject({ ok: true });
    const [aliceWire, bobWire] = [tapWire(aliceSocket), tapWire(bobSocket)];

    const closed = await trpc(alice, "polls.close", { id: draft });
    expect(closed.status).toBe(409);
    expect(JSON.stringify(closed.body)).toContain("POLL_NOT_OPEN");
    await quiet();
    expect(aliceWire.filter((data) => data.includes("realtime:message"))).toEqual([]);
    expect(bobWire.filter((data) => data.includes(draft))).toEqual([]);
    expect(await polls.get(draft)).toMatchObject({ status: "draft" });
    expect((await trpc(bob, "polls.get", { id: draft })).status).toBe(404);
    aliceSocket.close();
    bobSocket.close();
  });

  // Last: it leaves alice at her draft quota.
  it("caps one user's drafts (403 DRAFT_QUOTA_EXCEEDED, nothing stored), also for a concurrent batch, and the list still pages over everything others may see", async () => {
    const draftsOfAlice = async () => (await polls.list(10_000)).filter((poll) => poll.createdBy === "alice" && poll.status === "draft").length;
    const free = MAX_DRAFTS_PER_USER - (await draftsOfAlice());
    expect(free).toBeGreaterThan(5);
    for (let i = 0; i < free - 5; i++) await createDraft(alice);
    // A batch of ten concurrent creates with five places left: exactly five are stored.
    const inputs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i), { question: `batch-${i}`, options: ["yes", "no"] }]));
    const batch = await fetch(`${sec.server.url}/api/trpc/${Array.from({ length: 10 }, () => "polls.create").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: alice.cookie },
      body: JSON.stringify(inputs),
    });
    const answers = (await batch.json()) as { error?: { message: string; data: { httpStatus: number } } }[];
    expect(answers.filter((answer) => answer.error === undefined)).toHaveLength(5);
    expect(answers.filter((answer) => answer.error !== undefined).map((answer) => [answer.error?.data.httpStatus, answer.error?.message.split(":")[0]])).toEqual(
      Array(5).fill([403, "DRAFT_QUOTA_EXCEEDED"]),
    );
    const refused = await trpc(alice, "polls.create", { question: "one too many", options: ["yes", "no"] });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain("DRAFT_QUOTA_EXCEEDED");
    expect(await draftsOfAlice()).toBe(MAX_DRAFTS_PER_USER);
    expect((await polls.list(10_000)).some((poll) => poll.question === "one too many")).toBe(false);

    // Twenty drafts newer than everything else: bob's pages still hold only what he may see, full, to the end.
    const visible = (await polls.list(10_000)).filter((poll) => poll.status !== "draft" || poll.createdBy === "bob").map((poll) => poll.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { status, body } = await trpc(bob, "polls.list", cursor === null ? { limit: 3 } : { limit: 3, cursor });
      expect(status).toBe(200);
      const data = (body as { result: { data: { polls: { id: string }[]; nextCursor: string | null } } }).result.data;
      if (data.nextCursor !== null) expect(data.polls).toHaveLength(3);
      seen.push(...data.polls.map((poll) => poll.id));
      cursor = data.nextCursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual(visible);
    expect(seen).toEqual(expect.arrayContaining(["seed-lunch", "seed-standup", "seed-offsite"]));
    expect((await trpc(bob, "polls.list", { cursor: "forged" })).status).toBe(400);
  });
});
