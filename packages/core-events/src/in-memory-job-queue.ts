import { randomUUID } from "node:crypto";
import { childLogger, noopEventMetrics } from "@repo/core-observability";
import type { EventMetrics, Logger } from "@repo/core-observability";
import type { IEventBus } from "./event-bus";
import type { EventDescriptor, EventPayload } from "./event-descriptor";
import { backoffDelay } from "./job-descriptor";
import type { JobDescriptor, JobPayload } from "./job-descriptor";
import { jobCompleted, jobEnqueued, jobFailed } from "./job-lifecycle-events";
import type { EnqueueOptions, IJobQueue, JobContext, JobHandler } from "./job-queue";
import { JobValidationError } from "./payload-validation-error";

export interface InMemoryJobQueueOptions {
  logger: Logger;
  metrics?: EventMetrics;
  /** When given, `job:enqueued` / `job:completed` / `job:failed` are published on it. */
  bus?: IEventBus;
  /** Attempts running at once; defaults to 1 (FIFO, predictable in dev and tests). */
  concurrency?: number;
}

/** `enqueue` after `close()`. */
export class JobQueueClosedError extends Error {
  override readonly name = "JobQueueClosedError";
  readonly code = "JOB_QUEUE_CLOSED";
}

type Processor = (payload: unknown, ctx: JobContext) => Promise<void> | void;

interface QueuedRun {
  readonly id: string;
  readonly job: JobDescriptor;
  readonly payload: unknown;
  readonly attempt: number;
}

// Long enough to diagnose, short enough for a dashboard row; stacks never leave the process.
const MAX_ERROR_LENGTH = 500;

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/**
 * The in-process {@link IJobQueue}: timers for delays and backoff, nothing
 * persisted, so queued work is lost when the process exits. For dev, tests and
 * single-instance deployments until a durable queue ships behind the same interface.
 *
 * @example
 * const queue = new InMemoryJobQueue({ logger, bus, metrics: createEventMetrics(registry) });
 * queue.process(sendDigestEmail, ({ userId }) => mailer.sendDigest(userId));
 * await queue.enqueue(sendDigestEmail, { userId: "u1" });
 */
export class InMemoryJobQueue implements IJobQueue {
  private readonly log: Logger;
  private readonly metrics: EventMetrics;
  private readonly bus: IEventBus | undefined;
  private readonly concurrency: number;
  private readonly processors = new Map<string, Processor>();
  /** Runs whose time has come, oldest first; those without a processor wait here for one. */
  private readonly ready: QueuedRun[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  /** `enqueue` calls between validation and scheduling (awaiting the lifecycle event). */
  private enqueuing = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(options: InMemoryJobQueueOptions) {
    const concurrency = options.concurrency ?? 1;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.log = childLogger(options.logger, "job-queue");
    this.metrics = options.metrics ?? noopEventMetrics;
    this.bus = options.bus;
    this.concurrency = concurrency;
  }

  async enqueue<J extends JobDescriptor>(job: J, payload: JobPayload<J>, options: EnqueueOptions = {}): Promise<{ id: string }> {
    if (this.closed) throw new JobQueueClosedError(`Cannot enqueue "${job.name}": the queue is closed`);
    const parsed = job.schema.safeParse(payload);
    if (!parsed.success) throw new JobValidationError(job.name, parsed.error.issues);

    const run: QueuedRun = { id: randomUUID(), job, payload: structuredClone(parsed.data), attempt: 1 };
    this.metrics.jobEnqueued(job.name);
    this.log.debug({ job: job.name, id: run.id, delayMs: options.delayMs }, "job_enqueued");
    this.enqueuing += 1;
    try {
      await this.publishLifecycle(jobEnqueued, { job: job.name, id: run.id });
    } finally {
      this.enqueuing -= 1;
    }
    this.schedule(run, options.delayMs ?? 0);
    return { id: run.id };
  }

  process<J extends JobDescriptor>(job: J, handler: JobHandler<J>): () => void {
    if (this.processors.has(job.name)) throw new Error(`Job "${job.name}" already has a processor`);
    // The queue only ever hands this handler payloads parsed by `job.schema`.
    const processor = handler as Processor;
    this.processors.set(job.name, processor);
    this.pump();
    return () => {
      if (this.processors.get(job.name) === processor) this.processors.delete(job.name);
      this.notifyIfIdle();
    };
  }

  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    const dropped = this.ready.length + this.timers.size;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    if (dropped > 0) this.log.warn({ dropped }, "job_queue_closed_with_pending_runs");
    await this.drain();
  }

  private schedule(run: QueuedRun, delayMs: number): void {
    if (this.closed) {
      this.log.warn({ job: run.job.name, id: run.id, attempt: run.attempt }, "job_run_dropped_queue_closed");
      this.notifyIfIdle();
      return;
    }
    if (delayMs <= 0) {
      this.ready.push(run);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(run);
      this.pump();
    }, delayMs);
    this.timers.add(timer);
  }

  private pump(): void {
    let index = 0;
    while (!this.closed && this.running < this.concurrency && index < this.ready.length) {
      const run = this.ready[index]!;
      const processor = this.processors.get(run.job.name);
      if (processor === undefined) {
        index += 1;
        continue;
      }
      this.ready.splice(index, 1);
      this.running += 1;
      void this.attempt(run, processor).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
    this.notifyIfIdle();
  }

  /** One attempt of one run. Never rejects: every outcome is logged, counted and published. */
  private async attempt(run: QueuedRun, processor: Processor): Promise<void> {
    const { job, id, attempt } = run;
    const startedAt = performance.now();
    try {
      await processor(structuredClone(run.payload), { attempt, id });
    } catch (error) {
      await this.attemptFailed(run, error, performance.now() - startedAt);
      return;
    }
    const durationMs = performance.now() - startedAt;
    this.metrics.jobCompleted(job.name, durationMs / 1000);
    this.log.debug({ job: job.name, id, attempt, durationMs }, "job_completed");
    await this.publishLifecycle(jobCompleted, { job: job.name, id, attempt, durationMs });
  }

  private async attemptFailed(run: QueuedRun, error: unknown, durationMs: number): Promise<void> {
    const { job, id, attempt } = run;
    const willRetry = attempt <= job.retries && !this.closed;
    this.metrics.jobFailed(job.name, willRetry);
    if (willRetry) {
      const retryInMs = backoffDelay(job.backoff, attempt);
      this.log.warn({ job: job.name, id, attempt, willRetry, retryInMs, err: error }, "job_attempt_failed");
      this.schedule({ ...run, attempt: attempt + 1 }, retryInMs);
    } else {
      this.log.error({ job: job.name, id, attempt, willRetry, err: error }, "job_failed");
    }
    await this.publishLifecycle(jobFailed, { job: job.name, id, attempt, durationMs, error: errorMessage(error), willRetry });
  }

  private async publishLifecycle<E extends EventDescriptor>(event: E, payload: EventPayload<E>): Promise<void> {
    if (this.bus === undefined) return;
    try {
      await this.bus.publish(event, payload);
    } catch (error) {
      // Observability must not break the work it observes.
      this.log.error({ event: event.name, err: error }, "job_lifecycle_publish_failed");
    }
  }

  private isIdle(): boolean {
    if (this.running > 0 || this.enqueuing > 0 || this.timers.size > 0) return false;
    // A run whose job has no processor cannot progress; waiting for it would never end.
    return !this.ready.some((run) => this.processors.has(run.job.name));
  }

  private notifyIfIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
