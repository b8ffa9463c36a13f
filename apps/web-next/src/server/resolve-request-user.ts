import type { IncomingMessage } from "node:http";
import { requestCredentials } from "@repo/auth";
import type { Logger } from "@repo/core-observability";
import { RealtimeError } from "@repo/core-realtime";
import type { RealtimeUser } from "@repo/core-realtime";
import type { IRealtimeAuthenticator } from "@repo/core-realtime/server";

/**
 * Who an HTTP request is signed in as, through the same authenticator the
 * realtime server uses (cookie or Bearer). Invalid, expired or revoked
 * credentials make the request anonymous: authed procedures then answer
 * UNAUTHORIZED, and the page can send the user to sign in.
 *
 * @example
 * const user = await resolveRequestUser(authenticator, req, logger);
 */
export async function resolveRequestUser(
  authenticator: IRealtimeAuthenticator,
  req: Pick<IncomingMessage, "headers">,
  logger: Logger,
): Promise<RealtimeUser | null> {
  try {
    return await authenticator.authenticate(requestCredentials(req));
  } catch (error) {
    if (error instanceof RealtimeError && error.code === "UNAUTHENTICATED") {
      logger.debug({ reason: error.message }, "request_credentials_rejected");
      return null;
    }
    throw error;
  }
}
