import type { IncomingMessage, ServerResponse } from "node:http";
import { InvalidBodyError, readJsonBody, sendJson } from "@repo/auth";
import type { HttpRoute } from "@repo/core-di";
import type { Logger } from "@repo/core-observability";
import type { RealtimeServerApi } from "@repo/core-realtime/server";
import { z } from "zod";
import type { ApiCaller, ApiKeyRing } from "./api-key-ring";

export const REALTIME_API_PATHS = Object.freeze({
  publish: "/api/realtime/publish",
  history: "/api/realtime/history",
  presence: "/api/realtime/presence",
  channels: "/api/realtime/channels",
});

/** Most messages in one batch publish. */
const MAX_PUBLISH_BATCH = 100;
/** A batch of payloads is bigger than the socket path's single frames. */
const MAX_PUBLISH_BODY_BYTES = 1024 * 1024;

const ZChannelName = z.string().min(1).max(256);
const ZPublishBody = z.union([
  z.strictObject({ channel: ZChannelName, payload: z.unknown(), idempotencyKey: z.string().min(1).max(128).optional() }),
  z.strictObject({
    channel: ZChannelName,
    payloads: z.array(z.unknown()).min(1).max(MAX_PUBLISH_BATCH),
    idempotencyKey: z.string().min(1).max(128).optional(),
  }),
]);
const ZHistoryQuery = z.strictObject({
  channel: ZChannelName,
  since: z.coerce.number().int().min(0).default(0),
  epoch: z.string().min(1).max(64).optional(),
});
const ZChannelQuery = z.strictObject({ channel: ZChannelName });

/** HTTP status for each wire error code the API answers with. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = Object.freeze({
  UNAUTHENTICATED: 401,
  UNAUTHORIZED_SOURCE: 403,
  UNKNOWN_CHANNEL: 404,
  INVALID_FRAME: 400,
  INVALID_PARAMS: 400,
  INVALID_PAYLOAD: 400,
  NO_PRESENCE: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
});

type ApiAnswer = { readonly ok: true } | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly retryAfterMs?: number } };

function answer(res: ServerResponse, ack: ApiAnswer): void {
  if (ack.ok) return sendJson(res, 200, ack);
  const retryAfter: Record<string, string> =
    ack.error.retryAfterMs === undefined ? {} : { "retry-after": String(Math.ceil(ack.error.retryAfterMs / 1000)) };
  sendJson(res, STATUS_BY_CODE[ack.error.code] ?? 500, ack, retryAfter);
}

function refusal(code: string, message: string): ApiAnswer {
  return { ok: false, error: { code, message } };
}

function queryOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? "/", "http://server.invalid").searchParams);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

export interface RealtimeApiRoutesOptions {
  readonly api: RealtimeServerApi;
  readonly keys: ApiKeyRing;
  readonly logger: Logger;
}

/**
 * The server HTTP API (ADR-018, "Server API") for other backends: every
 * route needs `Authorization: Bearer <key>` from `REALTIME_API_KEYS` (401
 * `UNAUTHENTICATED`, nothing runs, otherwise), speaks JSON and answers
 * `{ ok: true, ... }` or `{ ok: false, error: { code, message } }` with the
 * wire's codes.
 *
 * @example
 * dispatcher.addRoutes(createRealtimeApiRoutes({ api: realtimeServer.serverApi, keys: new ApiKeyRing(env.REALTIME_API_KEYS), logger }));
 */
export function createRealtimeApiRoutes(options: RealtimeApiRoutesOptions): HttpRoute[] {
  const { api, keys, logger } = options;
  const authenticated =
    (handle: (req: IncomingMessage, caller: ApiCaller) => Promise<ApiAnswer>) =>
    async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const caller = keys.identify(req.headers.authorization);
      if (caller === null) {
        return sendJson(res, 401, refusal("UNAUTHENTICATED", "Send a valid server API key as Authorization: Bearer <key>"), {
          "www-authenticate": 'Bearer realm="realtime"',
        });
      }
      const ack = await handle(req, caller);
      if (!ack.ok) logger.info({ keyId: caller.keyId, path: req.url?.split("?")[0], code: ack.error.code }, "realtime_api_refused");
      answer(res, ack);
    };

  return [
    {
      method: "POST",
      path: REALTIME_API_PATHS.publish,
      handler: authenticated(async (req, caller) => {
        let body: unknown;
        try {
          body = await readJsonBody(req, MAX_PUBLISH_BODY_BYTES);
        } catch (error) {
          if (error instanceof InvalidBodyError) return refusal("INVALID_FRAME", error.message);
          throw error;
        }
        const parsed = ZPublishBody.safeParse(body);
        if (!parsed.success) {
          return refusal("INVALID_FRAME", `Expected { channel, payload } or { channel, payloads: [1..${MAX_PUBLISH_BATCH}] }: ${describeIssues(parsed.error)}`);
        }
        const request = parsed.data;
        const payloads = "payloads" in request ? request.payloads : [request.payload];
        const ack = await api.publish({ channel: request.channel, payloads, idempotencyKey: request.idempotencyKey, callerId: caller.keyId });
        if (ack.ok) logger.info({ keyId: caller.keyId, channel: request.channel, messages: payloads.length, seq: ack.seq }, "realtime_api_published");
        return ack;
      }),
    },
    {
      method: "GET",
      path: REALTIME_API_PATHS.history,
      handler: authenticated(async (req) => {
        const query = ZHistoryQuery.safeParse(queryOf(req));
        if (!query.success) return refusal("INVALID_FRAME", `Expected ?channel=...&since=<seq>&epoch=...: ${describeIssues(query.error)}`);
        return api.history(query.data.channel, query.data.since, query.data.epoch);
      }),
    },
    {
      method: "GET",
      path: REALTIME_API_PATHS.presence,
      handler: authenticated(async (req) => {
        const query = ZChannelQuery.safeParse(queryOf(req));
        if (!query.success) return refusal("INVALID_FRAME", `Expected ?channel=...: ${describeIssues(query.error)}`);
        return api.presence(query.data.channel);
      }),
    },
    {
      method: "GET",
      path: REALTIME_API_PATHS.channels,
      handler: authenticated(() => api.channels()),
    },
  ];
}
