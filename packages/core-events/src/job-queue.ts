import type { JobDescriptor, JobPayload } from "./job-descriptor";

export interface JobContext {
  /** 1 for the first run, 2 for the first retry... */
  attempt: number;
  /** The id `enqueue` returned; the same for every attempt. */
  id: string;
}

export type JobHandler<J extends JobDescriptor> = (payload: JobPayload<J>, ctx: JobContext) => Promise<void> | void;

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
}

/** Background work with retries. A handler that throws or rejects is retried per its job's policy. */
export interface IJobQueue {
  /**
   * Validates `payload` against the job's schema (throwing `JobValidationError`
   * and queuing nothing when it fails) and queues one run.
   *
   * @example
   * const { id } = await queue.enqueue(sendDigestEmail, { userId }, { delayMs: 60_000 });
   */
  enqueue<J extends JobDescriptor>(job: J, payload: JobPayload<J>, options?: EnqueueOptions): Promise<{ id: string }>;

  /**
   * Registers the one handler for `job`; returns the function that unregisters it.
   *
   * @example
   * const stop = queue.process(sendDigestEmail, async ({ userId }, { attempt }) => mailer.sendDigest(userId));
   */
  process<J extends JobDescriptor>(job: J, handler: JobHandler<J>): () => void;

  /**
   * Resolves when nothing is queued, waiting (delay or backoff) or running.
   *
   * @example
   * await queue.enqueue(sendDigestEmail, { userId });
   * await queue.drain();
   */
  drain(): Promise<void>;

  /**
   * Stops accepting work, drops queued and waiting runs, stops timers and
   * resolves once running handlers have settled.
   *
   * @example
   * process.once("SIGTERM", () => void queue.close());
   */
  close(): Promise<void>;
}
