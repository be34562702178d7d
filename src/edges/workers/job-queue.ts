/** Jobs of continuous screening: one shard of a run, or the merge of a run whose shards are all done. */
export type JobName = 'screening-shard' | 'screening-merge';

export interface JobData {
  readonly runId: number;
  readonly shard?: number;
}

export type JobHandler = (data: JobData) => Promise<void>;

/**
 * The queue the coordinator uses: in-process for the embedded store, pg-boss on PostgreSQL (any number of worker
 * processes). Delivery is at least once: handlers are idempotent (shard outputs and merges are written once).
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  send(name: JobName, data: JobData): Promise<void>;
  /** Process jobs of this name in this process. */
  work(name: JobName, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
}
