import { describe, expect, it } from "vitest";
import { requestCredentials } from "./request-credentials";

describe("requestCredentials", () => {
  it.each([
    { headers: {}, expected: {} },
    { headers: { cookie: "session=a.b" }, expected: { cookieHeader: "session=a.b" } },
    { headers: { authorization: "Bearer a.b" }, expected: { token: "a.b" } },
    { headers: { authorization: "bearer   a.b " }, expected: { token: "a.b" } },
    { headers: { authorization: "Basic dXNlcjpwdw==" }, expected: {} },
    { headers: { authorization: "Bearer" }, expected: {} },
    { headers: { cookie: "session=c.d", authorization: "Bearer a.b" }, expected: { cookieHeader: "session=c.d", token: "a.b" } },
  ])("reads $expected from $headers", ({ headers, expected }) => {
    expect(requestCredentials({ headers })).toEqual(expected);
  });
});
