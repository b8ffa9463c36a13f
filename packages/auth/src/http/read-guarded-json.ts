import type { IncomingMessage, ServerResponse } from "node:http";
import { crossSiteRefusal } from "./cross-site-guard";
import { InvalidBodyError, readJsonBody } from "./read-json-body";
import { errorBody, sendJson } from "./send-json";

/**
 * How every auth POST starts: the cross-site guard (JSON only), then the
 * JSON body. A refusal is answered here (403 / 400 with `invalidBodyCode`)
 * and the caller gets `null`; otherwise the parsed, still unchecked body.
 *
 * @example
 * const read = await readGuardedJson(req, res, "INVALID_BODY");
 * if (read === null) return;
 */
export async function readGuardedJson(req: IncomingMessage, res: ServerResponse, invalidBodyCode: string): Promise<{ readonly body: unknown } | null> {
  const refusal = crossSiteRefusal(req, { requireJson: true });
  if (refusal !== null) {
    sendJson(res, refusal.status, errorBody(refusal.code, refusal.message));
    return null;
  }
  try {
    return { body: await readJsonBody(req) };
  } catch (error) {
    if (!(error instanceof InvalidBodyError)) throw error;
    sendJson(res, 400, errorBody(invalidBodyCode, error.message));
    return null;
  }
}
