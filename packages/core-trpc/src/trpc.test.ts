import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { INTERNAL_ERROR_MESSAGE } from "./format-error";
import type { RequestContext } from "./request-context";
import { authedProcedure, createCallerFactory, publicProcedure, roleProcedure, router } from "./trpc";

const alice = { userId: "alice", roles: ["admin"] };
const bob = { userId: "bob", roles: [] };

const testRouter = router({
  hello: publicProcedure.query(({ ctx }) => `hello ${ctx.user?.userId ?? "guest"}`),
  me: authedProcedure.query(({ ctx }) => ctx.user.userId),
  purge: roleProcedure("admin").mutation(({ ctx }) => ({ purgedBy: ctx.user.userId })),
  create: publicProcedure.input(z.object({ title: z.string().min(1) })).mutation(({ input }) => ({ id: "p1", title: input.title })),
  explode: publicProcedure.query(() => {
    throw new Error("db password is hunter2");
  }),
  conflict: publicProcedure.mutation(() => {
    throw new TRPCError({ code: "CONFLICT", message: "Already voted" });
  }),
});

const createCaller = createCallerFactory(testRouter);
const callerFor = (user: RequestContext["user"]) => createCaller({ user, requestId: "test" });

describe("procedures", () => {
  it.each([
    { who: "guest", user: null, expected: "hello guest" },
    { who: "bob", user: bob, expected: "hello bob" },
  ])("publicProcedure answers $who", async ({ user, expected }) => {
    expect(await callerFor(user).hello()).toBe(expected);
  });

  it("authedProcedure refuses a guest with UNAUTHORIZED and passes a user through", async () => {
    await expect(callerFor(null).me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await callerFor(bob).me()).toBe("bob");
  });

  it.each([
    { who: "guest", user: null, code: "UNAUTHORIZED" },
    { who: "bob (no role)", user: bob, code: "FORBIDDEN" },
  ])("roleProcedure refuses $who with $code", async ({ user, code }) => {
    await expect(callerFor(user).purge()).rejects.toMatchObject({ code });
  });

  it("roleProcedure lets a user holding the role in", async () => {
    expect(await callerFor(alice).purge()).toEqual({ purgedBy: "alice" });
  });
});

describe("over HTTP (plain JSON, no transformer)", () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const handler = createHTTPHandler({
      router: testRouter,
      basePath: "/api/trpc/",
      createContext: ({ req }) => ({ user: req.headers.authorization === "Bearer alice" ? alice : null, requestId: "r1" }),
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it("answers a JSON POST mutation with {result:{data}}", async () => {
    const response = await fetch(`${baseUrl}/create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Lunch?" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { id: "p1", title: "Lunch?" } } });
  });

  it("answers a GET query", async () => {
    const response = await fetch(`${baseUrl}/hello`, { headers: { authorization: "Bearer alice" } });
    expect(await response.json()).toEqual({ result: { data: "hello alice" } });
  });

  it("hides an unexpected error's message and never sends a stack", async () => {
    const response = await fetch(`${baseUrl}/explode`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("stack");
    expect(JSON.parse(text)).toMatchObject({
      error: { message: INTERNAL_ERROR_MESSAGE, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "explode" } },
    });
  });

  it("keeps the message of a deliberate TRPCError, without a stack", async () => {
    const response = await fetch(`${baseUrl}/conflict`, { method: "POST", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toBe("Already voted");
    expect(body.error.data.code).toBe("CONFLICT");
    expect(body.error.data).not.toHaveProperty("stack");
  });

  it("maps missing credentials to 401 and invalid input to 400", async () => {
    expect((await fetch(`${baseUrl}/me`)).status).toBe(401);
    const bad = await fetch(`${baseUrl}/create`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain("stack");
  });
});
