import type { JobData, JobHandler, JobName, JobQueue } from './job-queue.js';

/**
 * Jobs run one at a time in this process, in order (PGlite is one session anyway). A failing job is retried up to
 * `retryLimit` times; then the error is reported to `onFailure`.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  readonly #handlers = new Map<JobName, JobHandler>();
  readonly #pending: { name: JobName; data: JobData; attempt: number }[] = [];
  #running = false;
  #stopped = false;
  #idleWaiters: (() => void)[] = [];
  constructor(
    private readonly retryLimit = 2,
    private readonly onFailure: (name: JobName, data: JobData, error: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {}

  async send(name: JobName, data: JobData): Promise<void> {
    this.#pending.push({ name, data, attempt: 0 });
    this.#kick();
  }

  async work(name: JobName, handler: JobHandler): Promise<void> {
    this.#handlers.set(name, handler);
    this.#kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }

  /** Resolves when no job is queued or running (tests and the bootstrap wait on this). */
  idle(): Promise<void> {
    if (!this.#running && this.#runnable() === -1) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #runnable(): number {
    if (this.#stopped) return -1;
    return this.#pending.findIndex((j) => this.#handlers.has(j.name));
  }

  #kick(): void {
    if (this.#running) return;
    const index = this.#runnable();
    if (index === -1) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    const [job] = this.#pending.splice(index, 1);
    const handler = job ? this.#handlers.get(job.name) : undefined;
    if (!job || !handler) return;
    this.#running = true;
    setImmediate(() => {
      handler(job.data)
        .catch((error: unknown) => {
          if (job.attempt < this.retryLimit) this.#pending.push({ ...job, attempt: job.attempt + 1 });
          else this.onFailure(job.name, job.data, error);
        })
        .finally(() => {
          this.#running = false;
          this.#kick();
        });
    });
  }
}
