import { randomUUID } from "node:crypto";
import { PollsSymbols } from "@repo/polls";
import type { IPollRepository } from "@repo/polls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TRPC_MAX_BATCH_SIZE } from "../../trpc-batch-limit";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/** `a,a,a?batch=1`: the path of a tRPC batch of `count` calls to one procedure. */
function batchPath(procedure: string, count: number): string {
  return `/api/trpc/${Array.from({ length: count }, () => procedure).join(",")}?batch=1`;
}

describe("security: tRPC batches are bounded (TRPC_MAX_BATCH_SIZE, real app server)", () => {
  let sec: SecurityServer;
  let polls: IPollRepository;
  let cookie: string;

  beforeAll(async () => {
    sec = await startSecurityServer();
    polls = sec.server.bound.features.polls.container.get(PollsSymbols.pollRepository);
    cookie = (await sec.signIn("bob")).cookie;
  });
  afterAll(async () => {
    await sec.close();
  });

  async function createBatch(count: number, question: string): Promise<Response> {
    const inputs = Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i), { question, options: ["yes", "no"] }]));
    return fetch(`${sec.server.url}${batchPath("polls.create", count)}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(inputs),
    });
  }

  async function pollsAsking(question: string): Promise<number> {
    return (await polls.list(10_000)).filter((poll) => poll.question === question).length;
  }

  it("refuses a mutation batch one over the limit whole with 400, and creates no poll", async () => {
    const question = `batch-${randomUUID()}`;
    const response = await createBatch(DEFAULT_TRPC_MAX_BATCH_SIZE + 1, question);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Batch call exceeds maximum size");
    expect(await pollsAsking(question)).toBe(0);
  });

  it("refuses the amplification the issue showed (a GET of a thousand queries) with 400", async () => {
    const response = await fetch(`${sec.server.url}${batchPath("articles.list", 1_000)}`, { headers: { cookie } });
    expect(response.status).toBe(400);
    expect(sec.server.logs.entries().filter((entry) => entry.msg === "trpc_procedure_failed")).toEqual([]);
  });

  it("still runs a batch at the limit, every call", async () => {
    const question = `batch-${randomUUID()}`;
    const response = await createBatch(DEFAULT_TRPC_MAX_BATCH_SIZE, question);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(DEFAULT_TRPC_MAX_BATCH_SIZE);
    expect(await pollsAsking(question)).toBe(DEFAULT_TRPC_MAX_BATCH_SIZE);
  });
});
