import type { z } from "zod";

type Issues = readonly z.core.$ZodIssue[];

// Issue paths and messages only: zod 4 leaves the rejected input out of
// issues, so the message never echoes payload values (tokens, emails) into logs.
function describeIssues(issues: Issues): string {
  return issues
    .map((issue) => `${issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".")}: ${issue.message}`)
    .join("; ");
}

/** `publish` got a payload its event's schema rejects; nothing was delivered. */
export class EventValidationError extends Error {
  override readonly name = "EventValidationError";
  readonly code = "INVALID_EVENT_PAYLOAD";

  constructor(
    readonly eventName: string,
    readonly issues: Issues,
  ) {
    super(`Invalid payload for event "${eventName}": ${describeIssues(issues)}`);
  }
}

/** `enqueue` got a payload its job's schema rejects; nothing was queued. */
export class JobValidationError extends Error {
  override readonly name = "JobValidationError";
  readonly code = "INVALID_JOB_PAYLOAD";

  constructor(
    readonly jobName: string,
    readonly issues: Issues,
  ) {
    super(`Invalid payload for job "${jobName}": ${describeIssues(issues)}`);
  }
}
