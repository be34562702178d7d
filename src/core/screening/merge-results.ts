import type { InterpolationErrors } from './interpolation-error.js';
import type { ChunkProximity } from './refine.js';
import type { ChunkResult } from './screen-chunk.js';
import { chunkRange, type ScreeningPlan } from './screening-plan.js';
import {
  type ConjunctionEvent,
  type PersistentProximity,
  type ScreeningExclusion,
  type ScreeningObject,
  type ScreeningResult,
  screeningObjectNorad,
} from './screening-types.js';
import { propagationCodeOfByte } from './sgp4-states.js';

/** A pair must stay within the threshold this many consecutive chunks (2 × 3 h by default) to be persistent. */
export const MIN_PERSISTENT_CHUNKS = 2;

/** Deterministic order of events: TCA, then the two catalog numbers (indices into `objects`). */
export function compareEventsOf(
  objects: readonly ScreeningObject[],
  a: ConjunctionEvent,
  b: ConjunctionEvent,
): number {
  if (a.tcaUnixMs !== b.tcaUnixMs) return a.tcaUnixMs - b.tcaUnixMs;
  const ida = screeningObjectNorad(objects[a.index1]) ?? a.index1;
  const idb = screeningObjectNorad(objects[b.index1]) ?? b.index1;
  if (ida !== idb) return ida - idb;
  const jda = screeningObjectNorad(objects[a.index2]) ?? a.index2;
  const jdb = screeningObjectNorad(objects[b.index2]) ?? b.index2;
  if (jda !== jdb) return jda - jdb;
  return a.index1 - b.index1 || a.index2 - b.index2;
}

/** Deterministic order of the events of a plan's request. */
export function compareEvents(plan: ScreeningPlan, a: ConjunctionEvent, b: ConjunctionEvent): number {
  return compareEventsOf(plan.request.objects, a, b);
}

/**
 * Combine chunk results (in any order, from any number of workers) into one deterministic result:
 * objects that failed anywhere are excluded and their events dropped (counted); pairs within the threshold
 * for two or more consecutive chunks (or the whole window) become one persistent proximity per such span.
 */
export function mergeChunkResults(
  plan: ScreeningPlan,
  errors: InterpolationErrors,
  chunks: readonly ChunkResult[],
): ScreeningResult {
  const sorted = [...chunks].sort((a, b) => a.chunk - b.chunk);
  const exclusions: ScreeningExclusion[] = [...plan.exclusions];
  const failure = new Map<number, { code: number; atUnixMs: number }>();
  const noteFailure = (index: number, code: number, atUnixMs: number) => {
    const prev = failure.get(index);
    if (!prev || atUnixMs < prev.atUnixMs || (atUnixMs === prev.atUnixMs && code < prev.code))
      failure.set(index, { code, atUnixMs });
  };
  for (let i = 0; i < plan.objectCount; i++) {
    const code = errors.errorNumber[i] as number;
    if (code !== 0) noteFailure(i, code, errors.errorAtUnixMs[i] as number);
  }
  for (const c of sorted) for (const f of c.failures) noteFailure(f.index, f.code, f.atUnixMs);
  for (const [index, f] of [...failure.entries()].sort((a, b) => a[0] - b[0])) {
    exclusions.push({
      index,
      code: propagationCodeOfByte(f.code),
      detail: `propagation failed (error ${f.code}) at ${new Date(f.atUnixMs).toISOString()}`,
    });
  }
  exclusions.sort((a, b) => a.index - b.index);
  const excludedByReason: Record<string, number> = {};
  for (const x of exclusions) excludedByReason[x.code] = (excludedByReason[x.code] ?? 0) + 1;

  const n = plan.objectCount;
  const proximityChunks = new Map<number, { chunk: number; p: ChunkProximity }[]>();
  for (const c of sorted) {
    for (const p of c.proximities) {
      const key = Math.min(p.index1, p.index2) * n + Math.max(p.index1, p.index2);
      const list = proximityChunks.get(key);
      if (list) list.push({ chunk: c.chunk, p });
      else proximityChunks.set(key, [{ chunk: c.chunk, p }]);
    }
  }
  // Runs of consecutive chunks in which a pair never left the threshold become persistent proximities.
  const minimumRun = Math.min(MIN_PERSISTENT_CHUNKS, plan.chunkCount);
  const persistent: PersistentProximity[] = [];
  const spans = new Map<number, { from: number; to: number; item: number }[]>();
  for (const [key, list] of [...proximityChunks.entries()].sort((a, b) => a[0] - b[0])) {
    const first = (list[0] as { p: ChunkProximity }).p;
    if (failure.has(first.index1) || failure.has(first.index2)) continue;
    list.sort((a, b) => a.chunk - b.chunk);
    let start = 0;
    for (let k = 1; k <= list.length; k++) {
      const contiguous = k < list.length && (list[k]?.chunk as number) === (list[k - 1]?.chunk as number) + 1;
      if (contiguous) continue;
      const run = list.slice(start, k);
      start = k;
      if (run.length < minimumRun) continue;
      let best = (run[0] as { p: ChunkProximity }).p;
      let maxRangeKm = 0;
      for (const { p } of run) {
        if (p.minRangeKm < best.minRangeKm) best = p;
        if (p.maxRangeKm > maxRangeKm) maxRangeKm = p.maxRangeKm;
      }
      const fromUnixMs = chunkRange(plan, (run[0] as { chunk: number }).chunk).startUnixMs;
      const toUnixMs = chunkRange(plan, (run[run.length - 1] as { chunk: number }).chunk).endUnixMs;
      const item = persistent.length;
      persistent.push({
        index1: first.index1,
        index2: first.index2,
        fromUnixMs,
        toUnixMs,
        minRangeKm: best.minRangeKm,
        minRangeUnixMs: best.minRangeUnixMs,
        maxRangeKm,
        collapsedEvents: 0,
      });
      const l = spans.get(key) ?? [];
      l.push({ from: fromUnixMs, to: toUnixMs, item });
      spans.set(key, l);
    }
  }
  const collapsed = new Array<number>(persistent.length).fill(0);

  let dropped = 0;
  const events: ConjunctionEvent[] = [];
  for (const c of sorted) {
    for (const ev of c.events) {
      if (failure.has(ev.index1) || failure.has(ev.index2)) {
        dropped += 1;
        continue;
      }
      const key = Math.min(ev.index1, ev.index2) * n + Math.max(ev.index1, ev.index2);
      const span = spans.get(key)?.find((x) => ev.tcaUnixMs >= x.from && ev.tcaUnixMs <= x.to);
      if (span) {
        collapsed[span.item] = (collapsed[span.item] as number) + 1;
        continue;
      }
      events.push(ev);
    }
  }
  events.sort((a, b) => compareEvents(plan, a, b));
  const persistentOut = persistent
    .map((p, k) => ({ ...p, collapsedEvents: collapsed[k] as number }))
    .sort((a, b) => a.index1 - b.index1 || a.index2 - b.index2 || a.fromUnixMs - b.fromUnixMs);

  const pairSet = new Set<number>();
  let broad = 0;
  let narrow = 0;
  let intervals = 0;
  let knotEvaluations = 0;
  let exactSgp4Calls = 0;
  for (const c of sorted) {
    for (const k of c.candidatePairKeys) pairSet.add(k);
    broad += c.broadPhasePairSteps;
    narrow += c.narrowPhasePairSteps;
    intervals += c.candidateIntervals;
    knotEvaluations += c.knotEvaluations;
    exactSgp4Calls += c.exactSgp4Calls;
  }
  let screened = 0;
  let maxInterpolationErrorKm = 0;
  const tabulated = plan.request.objects.filter((o) => o.ephemeris).length;
  for (let i = 0; i < n; i++) {
    if (plan.active[i] === 1 && !failure.has(i)) screened += 1;
    const e = errors.positionKm[i] as number;
    if (e > maxInterpolationErrorKm) maxInterpolationErrorKm = e;
  }
  return {
    conjunctions: events,
    persistent: persistentOut,
    exclusions,
    stats: {
      objectsInput: n,
      objectsScreened: screened,
      ...(tabulated > 0 ? { objectsTabulated: tabulated } : {}),
      excludedByReason,
      sweepSteps: plan.stepCount,
      sweepStepS: plan.stepS,
      chunks: plan.chunkCount,
      broadPhasePairSteps: broad,
      narrowPhasePairSteps: narrow,
      candidateIntervals: intervals,
      candidatePairs: pairSet.size,
      knotEvaluations,
      exactSgp4Calls,
      eventsDroppedForExcludedObjects: dropped,
      maxInterpolationErrorKm,
    },
  };
}
