import { describe, expect, it } from "vitest";
import { childLogger, createLogger } from "./logger";
import { createLogCapture } from "./log-capture";
import { REDACTED } from "./redact-paths";

describe("createLogger", () => {
  it("writes one JSON object per line with level, msg and name", () => {
    const lines: string[] = [];
    const logger = createLogger({ name: "api", pretty: false, destination: { write: (line) => void lines.push(line) } });
    logger.info({ pollId: "p1" }, "poll_created");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, name: "api", pollId: "p1", msg: "poll_created" });
  });

  it("drops lines below the configured level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", pretty: false, destination: { write: (line) => void lines.push(line) } });
    logger.info("ignored");
    logger.warn("kept");
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(["kept"]);
  });

  it("pretty output is human-readable text, not JSON", () => {
    const chunks: string[] = [];
    const logger = createLogger({ pretty: true, destination: { write: (chunk) => void chunks.push(chunk) } });
    logger.info({ pollId: "p1" }, "poll_created");
    const text = chunks.join("");
    expect(text).toContain("poll_created");
    expect(text).toContain("pollId");
    expect(() => JSON.parse(text) as unknown).toThrow();
  });
});

describe("redaction", () => {
  const cases: Array<[what: string, fields: Record<string, unknown>, path: string[]]> = [
    ["top-level password", { password: "hunter2" }, ["password"]],
    ["top-level token", { token: "t0k3n" }, ["token"]],
    ["nested password (*.password)", { user: { email: "a@b.c", password: "hunter2" } }, ["user", "password"]],
    ["nested token (*.token)", { session: { token: "t0k3n" } }, ["session", "token"]],
    ["auth.token", { auth: { token: "t0k3n" } }, ["auth", "token"]],
    ["request cookie header", { req: { headers: { cookie: "sid=abc" } } }, ["req", "headers", "cookie"]],
    ["request authorization header", { req: { headers: { authorization: "Bearer abc" } } }, ["req", "headers", "authorization"]],
    ["response set-cookie header", { res: { headers: { "set-cookie": ["sid=abc"] } } }, ["res", "headers", "set-cookie"]],
    ["top-level set-cookie", { "set-cookie": "sid=abc" }, ["set-cookie"]],
    ["top-level cookie", { cookie: "sid=abc" }, ["cookie"]],
    ["headers.authorization", { headers: { authorization: "Basic xyz" } }, ["headers", "authorization"]],
    ["nested refresh token", { tokens: { refreshToken: "r" } }, ["tokens", "refreshToken"]],
    ["api key header", { headers: { "x-api-key": "k" } }, ["headers", "x-api-key"]],
  ];

  it.each(cases)("censors %s", (_what, fields, path) => {
    const capture = createLogCapture();
    capture.logger.info(fields, "request");
    const [entry] = capture.entries();
    let value: unknown = entry;
    for (const key of path) value = (value as Record<string, unknown>)[key];
    expect(value).toBe(REDACTED);
    expect(JSON.stringify(entry)).not.toMatch(/hunter2|t0k3n|sid=abc|Bearer abc|Basic xyz/);
  });

  it("keeps fields that are not secrets", () => {
    const capture = createLogCapture();
    capture.logger.info({ user: { email: "a@b.c", password: "hunter2" }, req: { headers: { host: "x" } } }, "request");
    expect(capture.entries()[0]).toMatchObject({ user: { email: "a@b.c" }, req: { headers: { host: "x" } } });
  });

  it("does not mutate the logged object", () => {
    const capture = createLogCapture();
    const fields = { auth: { token: "t0k3n" } };
    capture.logger.info(fields, "request");
    expect(fields.auth.token).toBe("t0k3n");
  });
});

describe("childLogger", () => {
  it("adds the layer field to every line and keeps the parent's bindings", () => {
    const capture = createLogCapture();
    const parent = capture.logger.child({ requestId: "r1" });
    const log = childLogger(parent, "use-case");
    log.info("first");
    log.error({ pollId: "p1" }, "second");
    expect(capture.entries()).toEqual([
      expect.objectContaining({ layer: "use-case", requestId: "r1", msg: "first" }),
      expect.objectContaining({ layer: "use-case", requestId: "r1", pollId: "p1", msg: "second" }),
    ]);
  });

  it("redacts in child loggers too", () => {
    const capture = createLogCapture();
    childLogger(capture.logger, "http").info({ req: { headers: { cookie: "sid=abc" } } }, "request");
    expect(capture.entries()[0]).toMatchObject({ layer: "http", req: { headers: { cookie: REDACTED } } });
  });
});
