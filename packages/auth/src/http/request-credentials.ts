import type { IncomingMessage } from "node:http";
import type { RealtimeCredentials } from "@repo/core-realtime/server";

/**
 * The credentials an HTTP request carries, in the shape the realtime
 * authenticator takes: its `Cookie` header and an `Authorization: Bearer` token.
 *
 * @example
 * const user = await authenticator.authenticate(requestCredentials(req));
 */
export function requestCredentials(req: Pick<IncomingMessage, "headers">): RealtimeCredentials {
  const cookieHeader = req.headers.cookie;
  const token = bearerToken(req.headers.authorization);
  return {
    ...(cookieHeader === undefined ? {} : { cookieHeader }),
    ...(token === undefined ? {} : { token }),
  };
}

function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
