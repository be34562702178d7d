import { snapshotTimeEstimate } from '../../core/catalog/catalog.js';
import { reconcileEvents } from '../../core/coordination/event-reconciliation.js';
import { planRescreen } from '../../core/coordination/rescreen-scope.js';
import { assessConjunction } from '../../core/risk/conjunction-assessment.js';
import { unixMsFromUtcInstant } from '../../core/time/iso-8601.js';
import { appendAudit } from '../store/audit-log.js';
import {
  applyReconciliation,
  openEventsInScope,
  type StoredDetection,
} from '../store/conjunction-repository.js';
import { elementSetsByIds, latestElementSets } from '../store/element-set-repository.js';
import type { Store } from '../store/open-store.js';
import {
  completeShard,
  createScreeningRun,
  failScreeningRun,
  getScreeningRun,
  noteShardAttempt,
  type ScreeningRun,
  shardOutputs,
  unfinishedRuns,
} from '../store/screening-repository.js';
import type { JobData, JobQueue } from './job-queue.js';
import type { ScreeningInput, ScreeningRunner } from './screening-runner.js';

export interface ScreeningDefaults {
  /** Screening window length from its start, hours. */
  readonly windowHours: number;
  readonly thresholdKm: number;
  /** Upper bound on shards per run (each shard is one job). */
  readonly maxShards: number;
}

export const DEFAULT_SCREENING: ScreeningDefaults = { windowHours: 24, thresholdKm: 5, maxShards: 16 };

export interface ScreeningRequestInput {
  readonly kind: 'full' | 'incremental';
  readonly primaries?: readonly number[];
  readonly startUnixMs?: number;
  readonly endUnixMs?: number;
  readonly thresholdKm?: number;
  readonly requestedBy: number | null;
}

/**
 * Runs continuous screening on a store and a queue: creates runs (frozen catalog, shard rows), runs shards and the
 * merge as jobs, reconciles events exactly once per run. Every step can be retried after a crash.
 */
export class ScreeningCoordinator {
  constructor(
    readonly store: Store,
    readonly queue: JobQueue,
    readonly runner: ScreeningRunner,
    readonly defaults: ScreeningDefaults = DEFAULT_SCREENING,
    readonly nowUnixMs: () => number = () => Date.now(),
  ) {}

  /** Take shard and merge jobs in this process. */
  async work(): Promise<void> {
    await this.queue.work('screening-shard', (data) => this.handleShard(data));
    await this.queue.work('screening-merge', (data) => this.handleMerge(data));
  }

  async requestScreening(request: ScreeningRequestInput): Promise<number> {
    const db = this.store.db;
    const catalog = await latestElementSets(db);
    const present = new Set(catalog.map((s) => s.elementSet.noradCatId));
    const primaries =
      request.kind === 'incremental' ? (request.primaries ?? []).filter((n) => present.has(n)) : null;
    // Default start: now, or the catalog's snapshot time when the catalog is older (a bundled or archived catalog).
    const snapshotUnixMs = unixMsFromUtcInstant(snapshotTimeEstimate(catalog.map((s) => s.elementSet)));
    const startUnixMs = request.startUnixMs ?? Math.min(this.nowUnixMs(), Math.round(snapshotUnixMs));
    const endUnixMs = request.endUnixMs ?? startUnixMs + this.defaults.windowHours * 3_600_000;
    const thresholdKm = request.thresholdKm ?? this.defaults.thresholdKm;
    const input: ScreeningInput = {
      elementSets: catalog.map((s) => s.elementSet),
      startUnixMs,
      endUnixMs,
      thresholdKm,
      ...(primaries === null ? {} : { primaries }),
    };
    const shardCount =
      catalog.length === 0 || (primaries !== null && primaries.length === 0)
        ? 1
        : this.runner.shardCount(input, this.defaults.maxShards);
    const runId = await createScreeningRun(db, {
      kind: request.kind,
      windowStartUnixMs: startUnixMs,
      windowEndUnixMs: endUnixMs,
      thresholdKm,
      elementSetIds: catalog.map((s) => s.id),
      primaries,
      shardCount,
      requestedBy: request.requestedBy,
    });
    await appendAudit(db, request.requestedBy, 'screening.request', {
      runId,
      kind: request.kind,
      primaries: primaries?.length ?? null,
      objects: catalog.length,
      shardCount,
    });
    for (let shard = 0; shard < shardCount; shard++)
      await this.queue.send('screening-shard', { runId, shard });
    return runId;
  }

  /** Incremental re-screen of the objects new element sets touched (or a full one when most of the catalog moved). */
  async onElementSetsStored(
    touched: readonly number[],
    catalogSize: number,
    by: number | null,
  ): Promise<number | null> {
    const plan = planRescreen(touched, catalogSize);
    if (plan.kind === 'none') return null;
    return plan.kind === 'full'
      ? this.requestScreening({ kind: 'full', requestedBy: by })
      : this.requestScreening({ kind: 'incremental', primaries: plan.primaries, requestedBy: by });
  }

  async #input(run: ScreeningRun): Promise<ScreeningInput> {
    const sets = await elementSetsByIds(this.store.db, run.elementSetIds);
    return {
      elementSets: sets.map((s) => s.elementSet),
      startUnixMs: run.windowStartUnixMs,
      endUnixMs: run.windowEndUnixMs,
      thresholdKm: run.thresholdKm,
      ...(run.primaries === null ? {} : { primaries: run.primaries }),
    };
  }

  async handleShard(data: JobData): Promise<void> {
    const run = await getScreeningRun(this.store.db, data.runId);
    const shard = data.shard ?? 0;
    if (!run || run.status === 'done' || run.status === 'failed') return;
    await noteShardAttempt(this.store.db, run.id, shard);
    const input = await this.#input(run);
    const empty = input.elementSets.length === 0 || (run.primaries !== null && run.primaries.length === 0);
    let output: unknown;
    try {
      output = empty ? [] : this.runner.runShard(input, shard, run.shardCount);
    } catch (error) {
      await failScreeningRun(this.store.db, run.id, error instanceof Error ? error.message : String(error));
      throw error;
    }
    const { allDone } = await completeShard(this.store.db, run.id, shard, output);
    if (allDone) await this.queue.send('screening-merge', { runId: run.id });
  }

  async handleMerge(data: JobData): Promise<void> {
    const db = this.store.db;
    const run = await getScreeningRun(db, data.runId);
    if (!run || run.status === 'done' || run.status === 'failed' || run.shardsDone < run.shardCount) return;
    const input = await this.#input(run);
    const ids = new Map<number, number>();
    for (const s of await elementSetsByIds(db, run.elementSetIds)) ids.set(s.elementSet.noradCatId, s.id);
    const outputs = await shardOutputs(db, run.id);
    const empty = input.elementSets.length === 0 || (run.primaries !== null && run.primaries.length === 0);
    const merged = empty ? { detections: [], stats: {} } : this.runner.merge(input, outputs);
    const byNorad = new Map(input.elementSets.map((es) => [es.noradCatId, es]));
    const detections: StoredDetection[] = merged.detections.map((d) => {
      const p = byNorad.get(d.primaryNorad);
      const s = byNorad.get(d.secondaryNorad);
      const assessment = p && s ? assessConjunction(p, s, d.tcaUnixMs) : undefined;
      return {
        primaryNorad: d.primaryNorad,
        secondaryNorad: d.secondaryNorad,
        tcaUnixMs: d.tcaUnixMs,
        missKm: d.missKm,
        relSpeedKmS: d.relSpeedKmS,
        missRtnKm: d.missRtnKm,
        pc: assessment?.pc ?? d.pc,
        detail: {
          assessment: assessment ?? null,
          rtnFrameNorad: d.rtnFrameNorad,
          primaryElementSetId: ids.get(d.primaryNorad) ?? null,
          secondaryElementSetId: ids.get(d.secondaryNorad) ?? null,
          thresholdKm: run.thresholdKm,
        },
      };
    });
    await db.transaction().execute(async (tx) => {
      // Claim the run: a second merge of the same run (retry, or two workers) finds it done and writes nothing.
      const claimed = await tx
        .updateTable('screening_runs')
        .set({ status: 'done', finished_at: new Date(), stats_json: JSON.stringify(merged.stats) })
        .where('id', '=', run.id)
        .where('status', 'in', ['queued', 'running', 'merging'])
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return;
      const open = await openEventsInScope(tx, run.primaries);
      const rec = reconcileEvents(open, detections, run.windowStartUnixMs, run.windowEndUnixMs);
      const counts = await applyReconciliation(tx, run.id, rec);
      const statsWithEvents = { ...merged.stats, events: counts };
      await tx
        .updateTable('screening_runs')
        .set({ stats_json: JSON.stringify(statsWithEvents) })
        .where('id', '=', run.id)
        .execute();
    });
  }

  /** After a restart: re-send the shards not done and the merges not written. */
  async resume(): Promise<number> {
    const runs = await unfinishedRuns(this.store.db);
    for (const run of runs) {
      if (run.pendingShards.length === 0) await this.queue.send('screening-merge', { runId: run.runId });
      for (const shard of run.pendingShards)
        await this.queue.send('screening-shard', { runId: run.runId, shard });
    }
    return runs.length;
  }
}
