import type { z } from "zod";
import { assertDescriptorName, DescriptorDefinitionError } from "./descriptor-validation";

/** Wait before retry n (1-based): `delayMs` every time, or `delayMs * 2^(n-1)`. */
export interface JobBackoff {
  readonly type: "exponential" | "fixed";
  readonly delayMs: number;
}

/** Names a background job, its payload schema and its retry policy. */
export interface JobDescriptor<TName extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly kind: "job";
  readonly name: TName;
  readonly schema: TSchema;
  /** Retries after the first attempt fails; `retries + 1` attempts in all. */
  readonly retries: number;
  readonly backoff: JobBackoff;
}

/** The payload a job handler receives: the schema's output type. */
export type JobPayload<J extends JobDescriptor> = z.output<J["schema"]>;

const DEFAULT_JOB_RETRIES = 3;
export const DEFAULT_JOB_BACKOFF: JobBackoff = Object.freeze({ type: "exponential", delayMs: 1000 });

/**
 * Defines a job. Payloads must be plain data (structured-cloneable): every
 * attempt receives a fresh copy, so a handler that mutates its payload cannot
 * corrupt the retry.
 *
 * @example
 * export const sendDigestEmail = defineJob({
 *   name: "email.send-digest",
 *   schema: z.object({ userId: z.string() }),
 *   retries: 5,
 *   backoff: { type: "exponential", delayMs: 2_000 },
 * });
 */
export function defineJob<const TName extends string, TSchema extends z.ZodType>(definition: {
  name: TName;
  schema: TSchema;
  retries?: number;
  backoff?: JobBackoff;
}): JobDescriptor<TName, TSchema> {
  assertDescriptorName("job", definition.name);
  const retries = definition.retries ?? DEFAULT_JOB_RETRIES;
  if (!Number.isSafeInteger(retries) || retries < 0) {
    throw new DescriptorDefinitionError(`Job "${definition.name}": retries must be a non-negative integer, got ${retries}`);
  }
  const backoff = definition.backoff ?? DEFAULT_JOB_BACKOFF;
  if (!Number.isFinite(backoff.delayMs) || backoff.delayMs < 0) {
    throw new DescriptorDefinitionError(`Job "${definition.name}": backoff.delayMs must be >= 0, got ${backoff.delayMs}`);
  }
  return Object.freeze({
    kind: "job",
    name: definition.name,
    schema: definition.schema,
    retries,
    backoff: Object.freeze({ type: backoff.type, delayMs: backoff.delayMs }),
  });
}

/**
 * Milliseconds to wait after failed attempt `attempt` (1-based) before the next one.
 *
 * @example
 * backoffDelay({ type: "exponential", delayMs: 100 }, 3); // 400
 */
export function backoffDelay(backoff: JobBackoff, attempt: number): number {
  return backoff.type === "fixed" ? backoff.delayMs : backoff.delayMs * 2 ** (attempt - 1);
}
