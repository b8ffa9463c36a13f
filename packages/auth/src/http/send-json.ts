import type { ServerResponse } from "node:http";

/**
 * Ends a response with a JSON body; `no-store` because auth answers carry tokens.
 *
 * @example
 * sendJson(res, 401, { error: { code: "INVALID_CREDENTIALS", message: "Wrong username or password" } });
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** The error body every auth endpoint uses: a stable code plus a human message. */
export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
