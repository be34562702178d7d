import type { Kysely } from 'kysely';
import { snapshotTimeEstimate } from '../../core/catalog/catalog.js';
import {
  EVENT_IDENTITY_TOLERANCE_MS,
  reconcileEvents,
} from '../../core/coordination/event-reconciliation.js';
import { planRescreen } from '../../core/coordination/rescreen-scope.js';
import type { ElementSet } from '../../core/orbits/element-set.js';
import {
  ephemerisCoverage,
  type TabulatedEphemeris,
  type TimeSpan,
} from '../../core/orbits/tabulated-ephemeris.js';
import { ConcordError } from '../../core/result.js';
import {
  assessObjectsAtTca,
  elementSetAtTca,
  ephemerisAtTca,
  type ObjectAtTca,
} from '../../core/risk/conjunction-assessment.js';
import { EphemerisStateSource } from '../../core/screening/ephemeris-states.js';
import { unixMsFromUtcInstant } from '../../core/time/iso-8601.js';
import { parseSingleObjectOemKvn } from '../../formats/ccsds/oem/oem-single-object.js';
import { formatIssue } from '../../formats/record-issue.js';
import { lockForTransaction } from '../store/advisory-locks.js';
import { appendAudit } from '../store/audit-log.js';
import {
  applyReconciliation,
  closedEventsInScope,
  closePastEvents,
  openEventsInScope,
  type StoredDetection,
} from '../store/conjunction-repository.js';
import type { ConcordDatabase } from '../store/database-schema.js';
import {
  elementSetsByIds,
  latestElementSets,
  type StoredElementSet,
} from '../store/element-set-repository.js';
import { ephemeridesByIds, type StoredEphemeris } from '../store/ephemeris-repository.js';
import type { Store } from '../store/open-store.js';
import {
  completeShard,
  failScreeningRun,
  getScreeningRun,
  insertScreeningRun,
  latestFullRun,
  type NewScreeningRun,
  noteShardAttempt,
  type RunEphemeris,
  type ScreeningRun,
  shardOutputs,
  unfinishedRuns,
} from '../store/screening-repository.js';
import type { JobData, JobQueue } from './job-queue.js';
import type { ScreeningInput, ScreeningRunner, StateSource } from './screening-runner.js';

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
  /**
   * Incremental only: primaries whose states come from a stored ephemeris instead of their element set (each is
   * screened as a primary, also when the catalog holds no element set of it).
   */
  readonly ephemerides?: readonly RunEphemeris[];
}

/** What the arrival of an ephemeris started. */
export type EphemerisScreening =
  | { readonly kind: 'requested'; readonly runId: number }
  /** The ephemeris covers nothing of the screening window: nothing to screen. */
  | {
      readonly kind: 'outside-window';
      readonly windowStartUnixMs: number;
      readonly windowEndUnixMs: number;
      readonly coverage: readonly TimeSpan[];
    };

/** A stored ephemeris read back for a run. */
interface LoadedEphemeris {
  readonly stored: StoredEphemeris;
  readonly ephemeris: TabulatedEphemeris;
  readonly coverage: readonly TimeSpan[];
  /** How the states were given and interpolated, for the CDM (e.g. "LAGRANGE 7; TEME UTC"). */
  readonly description: string;
}

/** What the version of an event keeps about an ephemeris that gave one of its states. */
export interface DetailEphemeris {
  readonly id: number;
  /** Its owner: the party that submitted it. */
  readonly partyId: number;
  /** How its states were given and interpolated (e.g. "LAGRANGE 7; TEME UTC"). */
  readonly description: string;
  /**
   * The object's public element set in the run's catalog and its SGP4 state at TCA: what readers not allowed to
   * see the ephemeris get instead (null when the catalog holds none, or SGP4 fails there).
   */
  readonly elementSetId: number | null;
  readonly elementSetAtTca: ObjectAtTca | null;
}

/** What a check of the scheduled full re-screen did. */
export type ScheduledScreening =
  | { readonly kind: 'requested'; readonly runId: number }
  | { readonly kind: 'not-due'; readonly dueUnixMs: number }
  | { readonly kind: 'unchanged'; readonly latestRunId: number }
  | { readonly kind: 'empty-catalog' };

/** Same frozen catalog, window and threshold: a deterministic engine would find the same events. */
function sameScreening(run: ScreeningRun, planned: NewScreeningRun): boolean {
  return (
    run.windowStartUnixMs === planned.windowStartUnixMs &&
    run.windowEndUnixMs === planned.windowEndUnixMs &&
    run.thresholdKm === planned.thresholdKm &&
    run.elementSetIds.length === planned.elementSetIds.length &&
    run.elementSetIds.every((id, i) => id === planned.elementSetIds[i])
  );
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
    const planned = await this.#plan(request);
    const runId = await this.store.db.transaction().execute((tx) => this.#createRun(tx, planned));
    await this.#sendShards(runId, planned.run.shardCount);
    return runId;
  }

  /**
   * The periodic full re-screen: requested unless a full screening (by anyone: operator, bootstrap, this schedule,
   * another server) was requested less than `periodMs` ago, or the catalog and window are those of the latest full
   * screening (the engine is deterministic: nothing would change). The check and the request hold an advisory
   * lock, so servers sharing a PostgreSQL store request it once per period.
   */
  async requestScheduledFullScreening(periodMs: number): Promise<ScheduledScreening> {
    const db = this.store.db;
    const nowUnixMs = this.nowUnixMs();
    const latest = await latestFullRun(db);
    const dueUnixMs = latest ? latest.createdAt.getTime() + periodMs : nowUnixMs;
    if (nowUnixMs < dueUnixMs) return { kind: 'not-due', dueUnixMs };
    const planned = await this.#plan({ kind: 'full', requestedBy: null });
    if (planned.run.elementSetIds.length === 0) return { kind: 'empty-catalog' };
    if (latest && sameScreening(latest, planned.run)) return { kind: 'unchanged', latestRunId: latest.id };
    const runId = await db.transaction().execute(async (tx) => {
      await lockForTransaction(tx, 'full-rescreen-schedule');
      const current = await latestFullRun(tx);
      if (current && current.id !== latest?.id) return undefined;
      return this.#createRun(tx, planned);
    });
    if (runId === undefined) return { kind: 'not-due', dueUnixMs: nowUnixMs + periodMs };
    await this.#sendShards(runId, planned.run.shardCount);
    return { kind: 'requested', runId };
  }

  /** Close the open events whose TCA has passed (one `closed` alert each); returns how many. */
  closePastEvents(): Promise<number> {
    return closePastEvents(this.store.db, this.nowUnixMs());
  }

  /** The window a request screens: as asked, else the default length from now (or the older catalog's snapshot). */
  #window(
    catalog: readonly StoredElementSet[],
    request: Pick<ScreeningRequestInput, 'startUnixMs' | 'endUnixMs'>,
  ): { startUnixMs: number; endUnixMs: number } {
    // Default start: now, or the catalog's snapshot time when the catalog is older (a bundled or archived catalog).
    const snapshotUnixMs = unixMsFromUtcInstant(snapshotTimeEstimate(catalog.map((s) => s.elementSet)));
    const startUnixMs = request.startUnixMs ?? Math.min(this.nowUnixMs(), Math.round(snapshotUnixMs));
    const endUnixMs = request.endUnixMs ?? startUnixMs + this.defaults.windowHours * 3_600_000;
    return { startUnixMs, endUnixMs };
  }

  /** The run a request makes (frozen catalog, window, shards), read before any lock is taken. */
  async #plan(
    request: ScreeningRequestInput,
  ): Promise<{ run: NewScreeningRun; audit: Record<string, unknown> }> {
    const db = this.store.db;
    const catalog = await latestElementSets(db);
    const ephemerides = request.ephemerides ?? [];
    if (ephemerides.length > 0 && request.kind !== 'incremental')
      throw new ConcordError(
        'BAD_REQUEST',
        'ephemerides are screened as primaries: incremental screenings only',
      );
    const loaded = await this.#loadEphemerides(ephemerides);
    const tabulated = new Set(ephemerides.map((e) => e.noradCatId));
    const present = new Set(catalog.map((s) => s.elementSet.noradCatId));
    const primaries =
      request.kind === 'incremental'
        ? [...new Set([...(request.primaries ?? []), ...tabulated])].filter(
            (n) => present.has(n) || tabulated.has(n),
          )
        : null;
    const { startUnixMs, endUnixMs } = this.#window(catalog, request);
    const thresholdKm = request.thresholdKm ?? this.defaults.thresholdKm;
    const input = this.#inputOf(
      catalog.map((s) => s.elementSet),
      { windowStartUnixMs: startUnixMs, windowEndUnixMs: endUnixMs, thresholdKm, primaries, ephemerides },
      loaded,
    );
    const shardCount =
      catalog.length === 0 || (primaries !== null && primaries.length === 0)
        ? 1
        : this.runner.shardCount(input, this.defaults.maxShards);
    return {
      run: {
        kind: request.kind,
        windowStartUnixMs: startUnixMs,
        windowEndUnixMs: endUnixMs,
        thresholdKm,
        elementSetIds: catalog.map((s) => s.id),
        primaries,
        ephemerides: ephemerides.length > 0 ? ephemerides : null,
        shardCount,
        requestedBy: request.requestedBy,
        createdAt: new Date(this.nowUnixMs()),
      },
      audit: {
        kind: request.kind,
        primaries: primaries?.length ?? null,
        objects: catalog.length,
        shardCount,
        ...(ephemerides.length > 0 ? { ephemerides: ephemerides.map((e) => e.ephemerisId) } : {}),
      },
    };
  }

  /** Stored ephemerides read and converted (TEME, UTC) as when they were accepted; a failure fails the run. */
  async #loadEphemerides(refs: readonly RunEphemeris[]): Promise<LoadedEphemeris[]> {
    if (refs.length === 0) return [];
    const rows = new Map(
      (
        await ephemeridesByIds(
          this.store.db,
          refs.map((r) => r.ephemerisId),
        )
      ).map((r) => [r.id, r]),
    );
    return refs.map((ref) => {
      const stored = rows.get(ref.ephemerisId);
      if (!stored || stored.noradCatId !== ref.noradCatId)
        throw new ConcordError(
          'EPHEMERIS_NOT_FOUND',
          `no ephemeris ${ref.ephemerisId} of object ${ref.noradCatId} in the store`,
        );
      const parsed = parseSingleObjectOemKvn(stored.oemText, `ephemeris ${stored.id}`);
      const object = parsed.object;
      if (!object) {
        const first = parsed.issues.find((i) => i.severity === 'error');
        throw new ConcordError('EPHEMERIS_UNREADABLE', first ? formatIssue(first) : `ephemeris ${stored.id}`);
      }
      return {
        stored,
        ephemeris: object.ephemeris,
        coverage: ephemerisCoverage(object.ephemeris),
        description: `${[...new Set(object.interpolation)].join(', ')}; ${object.sourceFrame} ${object.timeSystem}`,
      };
    });
  }

  #inputOf(
    elementSets: readonly ElementSet[],
    run: Pick<ScreeningRun, 'windowStartUnixMs' | 'windowEndUnixMs' | 'thresholdKm'> & {
      readonly primaries: readonly number[] | null;
      readonly ephemerides: readonly RunEphemeris[] | null;
    },
    loaded: readonly LoadedEphemeris[],
  ): ScreeningInput {
    return {
      elementSets,
      startUnixMs: run.windowStartUnixMs,
      endUnixMs: run.windowEndUnixMs,
      thresholdKm: run.thresholdKm,
      ...(run.primaries === null ? {} : { primaries: run.primaries }),
      ...(loaded.length === 0
        ? {}
        : { ephemerides: loaded.map((l) => ({ noradCatId: l.stored.noradCatId, ephemeris: l.ephemeris })) }),
    };
  }

  async #createRun(
    tx: Kysely<ConcordDatabase>,
    planned: { run: NewScreeningRun; audit: Record<string, unknown> },
  ): Promise<number> {
    const runId = await insertScreeningRun(tx, planned.run);
    await appendAudit(tx, planned.run.requestedBy, 'screening.request', { runId, ...planned.audit });
    return runId;
  }

  async #sendShards(runId: number, shardCount: number): Promise<void> {
    for (let shard = 0; shard < shardCount; shard++)
      await this.queue.send('screening-shard', { runId, shard });
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

  /**
   * Re-screen the object of a newly stored ephemeris one-vs-all, its states from the ephemeris, over the part of
   * the screening window the ephemeris covers (as `concord screen --oem` clips its window); the rest of the window
   * keeps the events found from its element set.
   */
  async onEphemerisStored(ephemerisId: number, by: number | null): Promise<EphemerisScreening> {
    const [stored] = await ephemeridesByIds(this.store.db, [ephemerisId]);
    if (!stored) throw new ConcordError('EPHEMERIS_NOT_FOUND', `no ephemeris ${ephemerisId} in the store`);
    const ref = { noradCatId: stored.noradCatId, ephemerisId };
    const [loaded] = await this.#loadEphemerides([ref]);
    const coverage = loaded?.coverage ?? [];
    const window = this.#window(await latestElementSets(this.store.db), {});
    const startUnixMs = Math.max(window.startUnixMs, coverage[0]?.fromUnixMs ?? Number.POSITIVE_INFINITY);
    const endUnixMs = Math.min(window.endUnixMs, coverage.at(-1)?.toUnixMs ?? Number.NEGATIVE_INFINITY);
    if (!(endUnixMs > startUnixMs))
      return {
        kind: 'outside-window',
        windowStartUnixMs: window.startUnixMs,
        windowEndUnixMs: window.endUnixMs,
        coverage,
      };
    const runId = await this.requestScreening({
      kind: 'incremental',
      primaries: [stored.noradCatId],
      ephemerides: [ref],
      startUnixMs,
      endUnixMs,
      requestedBy: by,
    });
    return { kind: 'requested', runId };
  }

  /** What the workers rebuild of a run from the store: its frozen catalog and its ephemerides. */
  async #load(
    run: ScreeningRun,
  ): Promise<{ input: ScreeningInput; sets: StoredElementSet[]; loaded: LoadedEphemeris[] }> {
    const sets = await elementSetsByIds(this.store.db, run.elementSetIds);
    const loaded = await this.#loadEphemerides(run.ephemerides ?? []);
    const input = this.#inputOf(
      sets.map((s) => s.elementSet),
      run,
      loaded,
    );
    return { input, sets, loaded };
  }

  async handleShard(data: JobData): Promise<void> {
    const run = await getScreeningRun(this.store.db, data.runId);
    const shard = data.shard ?? 0;
    if (!run || run.status === 'done' || run.status === 'failed') return;
    await noteShardAttempt(this.store.db, run.id, shard);
    let output: unknown;
    try {
      const { input } = await this.#load(run);
      const empty = input.elementSets.length === 0 || (run.primaries !== null && run.primaries.length === 0);
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
    const { input, sets, loaded } = await this.#load(run);
    const ids = new Map<number, number>();
    for (const s of sets) ids.set(s.elementSet.noradCatId, s.id);
    const outputs = await shardOutputs(db, run.id);
    const empty = input.elementSets.length === 0 || (run.primaries !== null && run.primaries.length === 0);
    const merged = empty ? { detections: [], stats: {} } : this.runner.merge(input, outputs);
    const byNorad = new Map(input.elementSets.map((es) => [es.noradCatId, es]));
    const tabulated = new Map(
      loaded.map((l) => [l.stored.noradCatId, { l, states: new EphemerisStateSource(l.ephemeris) }]),
    );
    // The state at TCA comes from where the screening took it: the ephemeris, or SGP4 of the element set.
    const atTca = (norad: number, source: StateSource, tcaUnixMs: number): ObjectAtTca | undefined => {
      const t = tabulated.get(norad);
      if (source === 'ephemeris') return t ? ephemerisAtTca(t.states, tcaUnixMs, norad) : undefined;
      const es = byNorad.get(norad);
      return es ? elementSetAtTca(es, tcaUnixMs) : undefined;
    };
    const ephemerisOf = (norad: number, source: StateSource, tcaUnixMs: number): DetailEphemeris | null => {
      const l = source === 'ephemeris' ? tabulated.get(norad)?.l : undefined;
      if (!l) return null;
      return {
        id: l.stored.id,
        partyId: l.stored.partyId,
        description: l.description,
        elementSetId: ids.get(norad) ?? null,
        elementSetAtTca: atTca(norad, 'element-set', tcaUnixMs) ?? null,
      };
    };
    const detections: StoredDetection[] = merged.detections.map((d) => {
      const p = atTca(d.primaryNorad, d.primarySource, d.tcaUnixMs);
      const s = atTca(d.secondaryNorad, d.secondarySource, d.tcaUnixMs);
      const assessment = p && s ? assessObjectsAtTca(p, s) : undefined;
      const primaryEphemeris = ephemerisOf(d.primaryNorad, d.primarySource, d.tcaUnixMs);
      const secondaryEphemeris = ephemerisOf(d.secondaryNorad, d.secondarySource, d.tcaUnixMs);
      return {
        primaryNorad: d.primaryNorad,
        secondaryNorad: d.secondaryNorad,
        tcaUnixMs: d.tcaUnixMs,
        missKm: d.missKm,
        relSpeedKmS: d.relSpeedKmS,
        missRtnKm: d.missRtnKm,
        pc: assessment?.pc ?? d.pc,
        ephemerisPartyIds: [
          ...new Set([primaryEphemeris, secondaryEphemeris].flatMap((e) => (e ? [e.partyId] : []))),
        ],
        detail: {
          assessment: assessment ?? null,
          rtnFrameNorad: d.rtnFrameNorad,
          primaryElementSetId: primaryEphemeris ? null : (ids.get(d.primaryNorad) ?? null),
          secondaryElementSetId: secondaryEphemeris ? null : (ids.get(d.secondaryNorad) ?? null),
          primaryEphemeris,
          secondaryEphemeris,
          thresholdKm: run.thresholdKm,
        },
      };
    });
    // An event of an ephemeris primary whose TCA falls in a gap of the ephemeris was not screened this time.
    const unscreened = (e: { primaryNorad: number; secondaryNorad: number; tcaUnixMs: number }) =>
      [e.primaryNorad, e.secondaryNorad].some((norad) => {
        const t = tabulated.get(norad);
        return (
          t !== undefined &&
          !t.l.coverage.some((c) => c.fromUnixMs <= e.tcaUnixMs && e.tcaUnixMs <= c.toUnixMs)
        );
      });
    await db.transaction().execute(async (tx) => {
      await lockForTransaction(tx, 'event-writers');
      // Claim the run: a second merge of the same run (retry, or two workers) finds it done and writes nothing.
      const claimed = await tx
        .updateTable('screening_runs')
        .set({ status: 'done', finished_at: new Date(), stats_json: JSON.stringify(merged.stats) })
        .where('id', '=', run.id)
        .where('status', 'in', ['queued', 'running', 'merging'])
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return;
      const open = await openEventsInScope(tx, run.primaries);
      const closed = await closedEventsInScope(
        tx,
        run.primaries,
        run.windowStartUnixMs - EVENT_IDENTITY_TOLERANCE_MS,
        run.windowEndUnixMs + EVENT_IDENTITY_TOLERANCE_MS,
      );
      const rec = reconcileEvents(
        open,
        detections,
        run.windowStartUnixMs,
        run.windowEndUnixMs,
        EVENT_IDENTITY_TOLERANCE_MS,
        closed,
        unscreened,
      );
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
