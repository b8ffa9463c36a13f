/**
 * Error codes carried by `{ ok: false, error: { code, message } }` acks and by
 * `connect_error.data`. Outside clients are written against these strings:
 * extend the list, never rename an entry.
 */
export type RealtimeErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "UNKNOWN_CHANNEL"
  | "INVALID_PARAMS"
  | "INVALID_PAYLOAD"
  | "INVALID_FRAME"
  | "NOT_SUBSCRIBED"
  | "NO_INBOUND_HANDLER"
  | "NO_PRESENCE"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_SUBSCRIPTIONS"
  | "TOO_MANY_CONNECTIONS"
  | "VERSION_MISMATCH"
  | "UNAUTHORIZED_SOURCE"
  | "INTERNAL";

/** What crosses the wire: a stable code plus a human message with no internals. */
export interface RealtimeErrorBody {
  readonly code: string;
  readonly message: string;
  /** Milliseconds after which a rate-limited request may be retried. */
  readonly retryAfterMs?: number;
}

const GENERIC_INTERNAL: RealtimeErrorBody = Object.freeze({ code: "INTERNAL", message: "Internal error" });

/**
 * A failure a client may see. Inbound handlers throw it with their own
 * domain codes (`ALREADY_VOTED`, `POLL_CLOSED`, ...); any other thrown value
 * reaches the client as `INTERNAL` with a generic message.
 *
 * @example
 * throw new RealtimeError("POLL_CLOSED", "This poll no longer accepts votes");
 */
export class RealtimeError extends Error {
  override readonly name = "RealtimeError";
  constructor(
    readonly code: RealtimeErrorCode | (string & {}),
    message: string,
    readonly details: { readonly retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  /**
   * A refusal the client is told about is the system working, not failing:
   * `withCapture` logs it at info without a stack. Only `INTERNAL` is a fault.
   */
  get expected(): boolean {
    return this.code !== "INTERNAL";
  }

  /** The wire form; an `INTERNAL` one always carries the generic message (the thrower's is for the log). */
  toBody(): RealtimeErrorBody {
    if (this.code === "INTERNAL") return GENERIC_INTERNAL;
    return this.details.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.details.retryAfterMs };
  }
}

/** Maps anything thrown to a body safe to send: never a stack, never an internal message. */
export function toRealtimeErrorBody(error: unknown): RealtimeErrorBody {
  return error instanceof RealtimeError ? error.toBody() : GENERIC_INTERNAL;
}
