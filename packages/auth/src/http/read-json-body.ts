import type { IncomingMessage } from "node:http";

/** The body could not be read as JSON (too large, not JSON); maps to 400 INVALID_BODY. */
export class InvalidBodyError extends Error {
  override readonly name = "InvalidBodyError";
}

/** Credentials are tiny; anything bigger is a mistake or an attack. */
const MAX_JSON_BODY_BYTES = 16 * 1024;

/**
 * Reads and parses a JSON request body, refusing more than `maxBytes`.
 *
 * @example
 * const body: unknown = await readJsonBody(req);
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new InvalidBodyError(`Body larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new InvalidBodyError("Body is empty; send a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidBodyError("Body is not valid JSON");
    throw error;
  }
}
