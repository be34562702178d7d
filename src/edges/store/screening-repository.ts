import type { Kysely } from 'kysely';
import type { ConcordDatabase, ScreeningRunsTable } from './database-schema.js';

/** A primary of a run whose states come from a stored ephemeris (`ephemerides.id`) instead of its element set. */
export interface RunEphemeris {
  readonly noradCatId: number;
  readonly ephemerisId: number;
}

export interface NewScreeningRun {
  readonly kind: 'full' | 'incremental';
  readonly windowStartUnixMs: number;
  readonly windowEndUnixMs: number;
  readonly thresholdKm: number;
  readonly elementSetIds: readonly number[];
  readonly primaries: readonly number[] | null;
  /** Absent or null: every state from the element sets. */
  readonly ephemerides?: readonly RunEphemeris[] | null;
  readonly shardCount: number;
  readonly requestedBy: number | null;
  /** When it was requested (the requester's clock); the store's clock when absent. */
  readonly createdAt?: Date;
}

export interface ScreeningRun {
  readonly id: number;
  readonly kind: 'full' | 'incremental';
  readonly status: ScreeningRunsTable['status'];
  readonly windowStartUnixMs: number;
  readonly windowEndUnixMs: number;
  readonly thresholdKm: number;
  readonly elementSetIds: number[];
  readonly primaries: number[] | null;
  readonly ephemerides: RunEphemeris[] | null;
  readonly shardCount: number;
  readonly shardsDone: number;
  readonly requestedBy: number | null;
  readonly stats: Record<string, unknown> | null;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** Create a run and its shard rows (call inside a transaction): from its commit a restart can resume it. */
export async function insertScreeningRun(tx: Kysely<ConcordDatabase>, run: NewScreeningRun): Promise<number> {
  const row = await tx
    .insertInto('screening_runs')
    .values({
      kind: run.kind,
      status: 'queued',
      window_start_unix_ms: run.windowStartUnixMs,
      window_end_unix_ms: run.windowEndUnixMs,
      threshold_km: run.thresholdKm,
      element_set_ids_json: JSON.stringify(run.elementSetIds),
      primaries_json: run.primaries === null ? null : JSON.stringify(run.primaries),
      ephemerides_json: run.ephemerides ? JSON.stringify(run.ephemerides) : null,
      shard_count: run.shardCount,
      requested_by: run.requestedBy,
      stats_json: null,
      error: null,
      finished_at: null,
      ...(run.createdAt === undefined ? {} : { created_at: run.createdAt }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('screening_shards')
    .values(
      Array.from({ length: run.shardCount }, (_, shard) => ({
        run_id: row.id,
        shard_index: shard,
        status: 'queued' as const,
        result_json: null,
      })),
    )
    .execute();
  return row.id;
}

export async function getScreeningRun(
  db: Kysely<ConcordDatabase>,
  id: number,
): Promise<ScreeningRun | undefined> {
  const r = await db.selectFrom('screening_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    windowStartUnixMs: r.window_start_unix_ms,
    windowEndUnixMs: r.window_end_unix_ms,
    thresholdKm: r.threshold_km,
    elementSetIds: JSON.parse(r.element_set_ids_json) as number[],
    primaries: r.primaries_json === null ? null : (JSON.parse(r.primaries_json) as number[]),
    ephemerides: r.ephemerides_json === null ? null : (JSON.parse(r.ephemerides_json) as RunEphemeris[]),
    shardCount: r.shard_count,
    shardsDone: r.shards_done,
    requestedBy: r.requested_by,
    stats: r.stats_json === null ? null : (JSON.parse(r.stats_json) as Record<string, unknown>),
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** The newest full screening, whatever its status and whoever requested it. */
export async function latestFullRun(db: Kysely<ConcordDatabase>): Promise<ScreeningRun | undefined> {
  const row = await db
    .selectFrom('screening_runs')
    .select('id')
    .where('kind', '=', 'full')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? getScreeningRun(db, row.id) : undefined;
}

/** Count one attempt at a shard (observability: retries after a crash show up here). */
export async function noteShardAttempt(
  db: Kysely<ConcordDatabase>,
  runId: number,
  shard: number,
): Promise<void> {
  await db
    .updateTable('screening_shards')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date() }))
    .where('run_id', '=', runId)
    .where('shard_index', '=', shard)
    .execute();
  await db
    .updateTable('screening_runs')
    .set({ status: 'running' })
    .where('id', '=', runId)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * Store a shard's output once: a retried shard (worker killed after finishing, or two workers on one expired job)
 * finds the shard done and changes nothing. Returns whether every shard of the run is now done.
 */
export async function completeShard(
  db: Kysely<ConcordDatabase>,
  runId: number,
  shard: number,
  output: unknown,
): Promise<{ allDone: boolean }> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('screening_shards')
      .set({ status: 'done', result_json: JSON.stringify(output), updated_at: new Date() })
      .where('run_id', '=', runId)
      .where('shard_index', '=', shard)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 1n) {
      await tx
        .updateTable('screening_runs')
        .set((eb) => ({ shards_done: eb('shards_done', '+', 1) }))
        .where('id', '=', runId)
        .execute();
    }
    const run = await tx
      .selectFrom('screening_runs')
      .select(['shards_done', 'shard_count'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    return { allDone: run.shards_done === run.shard_count };
  });
}

/** Outputs of all shards in shard order (only called once every shard is done). */
export async function shardOutputs(db: Kysely<ConcordDatabase>, runId: number): Promise<unknown[]> {
  const rows = await db
    .selectFrom('screening_shards')
    .select(['shard_index', 'result_json'])
    .where('run_id', '=', runId)
    .orderBy('shard_index')
    .execute();
  return rows.map((r) => (r.result_json === null ? null : (JSON.parse(r.result_json) as unknown)));
}

/** Runs not finished (a restarted service resumes them) with the shards still to do. */
export async function unfinishedRuns(
  db: Kysely<ConcordDatabase>,
): Promise<{ runId: number; pendingShards: number[]; shardCount: number }[]> {
  const runs = await db
    .selectFrom('screening_runs')
    .select(['id', 'shard_count'])
    .where('status', 'in', ['queued', 'running', 'merging'])
    .orderBy('id')
    .execute();
  const out: { runId: number; pendingShards: number[]; shardCount: number }[] = [];
  for (const run of runs) {
    const pending = await db
      .selectFrom('screening_shards')
      .select('shard_index')
      .where('run_id', '=', run.id)
      .where('status', '=', 'queued')
      .orderBy('shard_index')
      .execute();
    out.push({
      runId: run.id,
      pendingShards: pending.map((p) => p.shard_index),
      shardCount: run.shard_count,
    });
  }
  return out;
}

export async function failScreeningRun(
  db: Kysely<ConcordDatabase>,
  runId: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('screening_runs')
    .set({ status: 'failed', error, finished_at: new Date() })
    .where('id', '=', runId)
    .where('status', '<>', 'done')
    .execute();
}
