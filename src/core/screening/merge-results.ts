import type { InterpolationErrors } from './interpolation-error.js';
import type { ChunkProximity } from './refine.js';
import type { ChunkResult } from './screen-chunk.js';
import type { ScreeningPlan } from './screening-plan.js';
import type {
  ConjunctionEvent,
  PersistentProximity,
  ScreeningExclusion,
  ScreeningResult,
} from './screening-types.js';
import { propagationCodeOfByte } from './sgp4-states.js';

/** Deterministic order of events: TCA, then the two catalog numbers. */
export function compareEvents(plan: ScreeningPlan, a: ConjunctionEvent, b: ConjunctionEvent): number {
  if (a.tcaUnixMs !== b.tcaUnixMs) return a.tcaUnixMs - b.tcaUnixMs;
  const ida = plan.request.objects[a.index1]?.elementSet.noradCatId ?? a.index1;
  const idb = plan.request.objects[b.index1]?.elementSet.noradCatId ?? b.index1;
  if (ida !== idb) return ida - idb;
  const jda = plan.request.objects[a.index2]?.elementSet.noradCatId ?? a.index2;
  const jdb = plan.request.objects[b.index2]?.elementSet.noradCatId ?? b.index2;
  if (jda !== jdb) return jda - jdb;
  return a.index1 - b.index1 || a.index2 - b.index2;
}

/**
 * Combine chunk results (in any order, from any number of workers) into one deterministic result:
 * objects that failed anywhere are excluded and their events dropped (counted); pairs within the threshold
 * in every chunk become one persistent proximity each.
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
  const proximityChunks = new Map<number, ChunkProximity[]>();
  for (const c of sorted) {
    for (const p of c.proximities) {
      const key = Math.min(p.index1, p.index2) * n + Math.max(p.index1, p.index2);
      const list = proximityChunks.get(key);
      if (list) list.push(p);
      else proximityChunks.set(key, [p]);
    }
  }
  const persistent: PersistentProximity[] = [];
  const persistentKeys = new Set<number>();
  for (const [key, list] of proximityChunks) {
    if (list.length !== plan.chunkCount) continue;
    const first = list[0] as ChunkProximity;
    if (failure.has(first.index1) || failure.has(first.index2)) continue;
    persistentKeys.add(key);
    let best = first;
    let maxRangeKm = 0;
    for (const p of list) {
      if (p.minRangeKm < best.minRangeKm) best = p;
      if (p.maxRangeKm > maxRangeKm) maxRangeKm = p.maxRangeKm;
    }
    persistent.push({
      index1: first.index1,
      index2: first.index2,
      minRangeKm: best.minRangeKm,
      minRangeUnixMs: best.minRangeUnixMs,
      maxRangeKm,
      collapsedEvents: 0,
    });
  }

  let dropped = 0;
  const collapsed = new Map<number, number>();
  const events: ConjunctionEvent[] = [];
  for (const c of sorted) {
    for (const ev of c.events) {
      if (failure.has(ev.index1) || failure.has(ev.index2)) {
        dropped += 1;
        continue;
      }
      const key = Math.min(ev.index1, ev.index2) * n + Math.max(ev.index1, ev.index2);
      if (persistentKeys.has(key)) {
        collapsed.set(key, (collapsed.get(key) ?? 0) + 1);
        continue;
      }
      events.push(ev);
    }
  }
  events.sort((a, b) => compareEvents(plan, a, b));
  const persistentOut = persistent
    .map((p) => ({
      ...p,
      collapsedEvents: collapsed.get(Math.min(p.index1, p.index2) * n + Math.max(p.index1, p.index2)) ?? 0,
    }))
    .sort((a, b) => a.index1 - b.index1 || a.index2 - b.index2);

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
