import { compareEventsOf } from './merge-results.js';
import type { ScreeningPlan } from './screening-plan.js';
import type {
  ConjunctionEvent,
  PersistentProximity,
  ScreeningExclusion,
  ScreeningRequest,
  ScreeningResult,
} from './screening-types.js';

/** A one-vs-all request restricted to the primaries and a share of the secondaries. */
export interface ObjectPartition {
  readonly request: ScreeningRequest;
  /** Index in the partitioned request of each object of this partition. */
  readonly originalIndex: Int32Array;
}

/**
 * Split a one-vs-all screening by secondaries: every partition holds all primaries and a share of the
 * secondaries, so each worker propagates only its share over the whole window (splitting by time chunks makes
 * every worker initialise and propagate every secondary). Pairs of two primaries belong to the first partition
 * only. Secondaries are dealt round-robin in order of knot gap so that the partitions cost about the same.
 * Results are independent of the partition count: a pair's candidates depend only on its two objects.
 */
export function partitionSecondaries(plan: ScreeningPlan, count: number): ObjectPartition[] {
  if (!plan.oneVsAll) throw new RangeError('only one-vs-all screenings are partitioned by object');
  const n = plan.objectCount;
  const secondaries: number[] = [];
  for (let i = 0; i < n; i++) if (plan.isPrimary[i] === 0) secondaries.push(i);
  secondaries.sort((a, b) => (plan.knotGapS[a] as number) - (plan.knotGapS[b] as number) || a - b);
  const parts = Math.max(1, Math.min(count, secondaries.length));
  const owner = new Int32Array(n).fill(-1);
  secondaries.forEach((i, k) => {
    owner[i] = k % parts;
  });
  const { primaryIndices: _primaries, ...rest } = plan.request;
  const partitions: ObjectPartition[] = [];
  for (let p = 0; p < parts; p++) {
    const original: number[] = [];
    const primaries: number[] = [];
    for (let i = 0; i < n; i++) {
      if (plan.isPrimary[i] === 1) primaries.push(original.length);
      else if (owner[i] !== p) continue;
      original.push(i);
    }
    partitions.push({
      request: {
        ...rest,
        objects: original.map((i) => plan.request.objects[i] as ScreeningRequest['objects'][number]),
        primaryIndices: primaries,
        ...(p > 0 ? { skipPrimaryPairs: true } : {}),
      },
      originalIndex: Int32Array.from(original),
    });
  }
  return partitions;
}

/** Combine the results of `partitionSecondaries` into the result of the partitioned request. */
export function mergeObjectPartitions(
  request: ScreeningRequest,
  partitions: readonly ObjectPartition[],
  results: readonly ScreeningResult[],
): ScreeningResult {
  const conjunctions: ConjunctionEvent[] = [];
  const persistent: PersistentProximity[] = [];
  const exclusionOf = new Map<string, ScreeningExclusion>();
  let screened = 0;
  let broad = 0;
  let narrow = 0;
  let intervals = 0;
  let pairs = 0;
  let knots = 0;
  let exact = 0;
  let dropped = 0;
  let maxErrorKm = 0;
  results.forEach((result, p) => {
    const map = (partitions[p] as ObjectPartition).originalIndex;
    const o = (i: number) => map[i] as number;
    for (const e of result.conjunctions)
      conjunctions.push({ ...e, index1: o(e.index1), index2: o(e.index2) });
    for (const x of result.persistent) persistent.push({ ...x, index1: o(x.index1), index2: o(x.index2) });
    // A primary that fails does so identically in every partition: keep one record.
    for (const x of result.exclusions) {
      const key = `${o(x.index)} ${x.code} ${x.fromUnixMs ?? ''} ${x.toUnixMs ?? ''}`;
      if (!exclusionOf.has(key)) exclusionOf.set(key, { ...x, index: o(x.index) });
    }
    const s = result.stats;
    screened += s.objectsScreened;
    broad += s.broadPhasePairSteps;
    narrow += s.narrowPhasePairSteps;
    intervals += s.candidateIntervals;
    pairs += s.candidatePairs;
    knots += s.knotEvaluations;
    exact += s.exactSgp4Calls;
    dropped += s.eventsDroppedForExcludedObjects;
    maxErrorKm = Math.max(maxErrorKm, s.maxInterpolationErrorKm);
  });
  conjunctions.sort((a, b) => compareEventsOf(request.objects, a, b));
  persistent.sort((a, b) => a.index1 - b.index1 || a.index2 - b.index2 || a.fromUnixMs - b.fromUnixMs);
  const exclusions = [...exclusionOf.values()].sort((a, b) => a.index - b.index);
  const excludedByReason: Record<string, number> = {};
  for (const x of exclusions) excludedByReason[x.code] = (excludedByReason[x.code] ?? 0) + 1;
  const first = (results[0] as ScreeningResult).stats;
  // Every partition screens the primaries: count them once.
  const primaries = new Set(request.primaryIndices ?? []);
  const excludedPrimaries = new Set(exclusions.filter((x) => primaries.has(x.index)).map((x) => x.index));
  const screenedPrimaries = primaries.size - excludedPrimaries.size;
  const tabulated = request.objects.filter((o) => o.ephemeris).length;
  return {
    conjunctions,
    persistent,
    exclusions,
    stats: {
      objectsInput: request.objects.length,
      objectsScreened: screened - (results.length - 1) * screenedPrimaries,
      ...(tabulated > 0 ? { objectsTabulated: tabulated } : {}),
      excludedByReason,
      sweepSteps: first.sweepSteps,
      sweepStepS: first.sweepStepS,
      chunks: first.chunks,
      broadPhasePairSteps: broad,
      narrowPhasePairSteps: narrow,
      candidateIntervals: intervals,
      candidatePairs: pairs,
      knotEvaluations: knots,
      exactSgp4Calls: exact,
      eventsDroppedForExcludedObjects: dropped,
      maxInterpolationErrorKm: maxErrorKm,
    },
  };
}
