import type { RealtimeUser } from "@repo/core-realtime";
import { beforeEach, describe, expect, it } from "vitest";
import { pollFixture } from "../__tests__/polls-test-kit";
import { InMemoryPollRepository } from "../repositories/in-memory-poll-repository";
import { pollChannelPolicy } from "./poll-channel-policy";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };
const carol: RealtimeUser = { userId: "carol", roles: [] };

describe("pollChannelPolicy", () => {
  let polls: InMemoryPollRepository;
  const ask = (user: RealtimeUser | null, pollId: string, access: "read" | "publish" = "read") =>
    pollChannelPolicy(polls)(user, { pollId }, { access, channel: `polls.${pollId}` });

  beforeEach(async () => {
    polls = new InMemoryPollRepository();
    await polls.create(pollFixture({ id: "draft", status: "draft", createdBy: "bob" }));
    await polls.create(pollFixture({ id: "open", status: "open", createdBy: "bob" }));
    await polls.create(pollFixture({ id: "closed", status: "closed", createdBy: "bob" }));
  });

  it.each([
    { who: "its creator", user: bob, allowed: true },
    { who: "an admin", user: alice, allowed: true },
    { who: "another user", user: carol, allowed: false },
    { who: "nobody signed in", user: null, allowed: false },
  ])("lets $who read and publish on a draft: $allowed", async ({ user, allowed }) => {
    expect(await ask(user, "draft", "read")).toBe(allowed);
    expect(await ask(user, "draft", "publish")).toBe(allowed);
  });

  it("lets every signed-in user read open and closed polls", async () => {
    expect(await ask(carol, "open")).toBe(true);
    expect(await ask(carol, "closed")).toBe(true);
    expect(await ask(null, "open")).toBe(false);
  });

  it("refuses an unknown poll as it refuses another user's draft (no existence oracle)", async () => {
    expect(await ask(carol, "nope")).toBe(false);
    expect(await ask(alice, "nope")).toBe(false);
  });

  it("follows the poll's status: another user may read a draft once it is opened", async () => {
    expect(await ask(carol, "draft")).toBe(false);
    await polls.transition("draft", ["draft"], "open");
    expect(await ask(carol, "draft")).toBe(true);
  });
});
