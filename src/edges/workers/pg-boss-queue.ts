import PgBoss from 'pg-boss';
import type { JobData, JobHandler, JobName, JobQueue } from './job-queue.js';

export interface PgBossQueueOptions {
  readonly databaseUrl: string;
  /** Schema of pg-boss's own tables. */
  readonly schema: string;
  /**
   * A job still active after this long is considered lost (its worker died) and is retried, seconds. Must exceed the
   * longest shard; a retried shard that was in fact still running only repeats idempotent work.
   */
  readonly expireInSeconds?: number;
  /** How often expired jobs are looked for, seconds. */
  readonly maintenanceIntervalSeconds?: number;
  readonly pollingIntervalSeconds?: number;
}

const NAMES: readonly JobName[] = ['screening-shard', 'screening-merge'];

/** Jobs in PostgreSQL through pg-boss: any number of `concord worker` processes on any machines take them. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  readonly #boss: PgBoss;
  readonly #options: PgBossQueueOptions;
  constructor(options: PgBossQueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: options.schema,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      max: 4,
    });
    this.#boss.on('error', (error: Error) => {
      process.stderr.write(`concord: job queue: ${error.message}\n`);
    });
  }

  async start(): Promise<void> {
    await this.#boss.start();
    for (const name of NAMES) {
      if (!(await this.#boss.getQueue(name))) await this.#boss.createQueue(name);
    }
  }

  async send(name: JobName, data: JobData): Promise<void> {
    await this.#boss.send(
      name,
      { ...data },
      {
        retryLimit: 10,
        retryDelay: 1,
        expireInSeconds: this.#options.expireInSeconds ?? 1800,
      },
    );
  }

  async work(name: JobName, handler: JobHandler): Promise<void> {
    await this.#boss.work<JobData>(
      name,
      { batchSize: 1, pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data);
      },
    );
  }

  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
