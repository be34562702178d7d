import type { ExactStates } from './exact-states.js';
import type { InterpolationErrors } from './interpolation-error.js';
import type { KnotFiller } from './knot-filler.js';
import { type ChunkProximity, PairRefiner, type RefineFailure } from './refine.js';
import { chunkRange, type ScreeningPlan } from './screening-plan.js';
import type { ConjunctionEvent } from './screening-types.js';
import { fillKnotGrid } from './septic-knots.js';
import { StepSweeper } from './step-sweeper.js';
import { sweepArena } from './sweep-arena.js';

/** What one time chunk produced; plain data so it can cross a worker boundary. */
export interface ChunkResult {
  readonly chunk: number;
  readonly events: ConjunctionEvent[];
  readonly proximities: ChunkProximity[];
  readonly failures: RefineFailure[];
  /** Keys `index1 * objectCount + index2` of the pairs refined in this chunk. */
  readonly candidatePairKeys: Float64Array;
  readonly broadPhasePairSteps: number;
  readonly narrowPhasePairSteps: number;
  readonly candidateIntervals: number;
  readonly knotEvaluations: number;
  readonly exactSgp4Calls: number;
}

/** Exact samples inside long refinement intervals are at most this far apart, ms. */
const MAX_REFINE_SAMPLE_MS = 60_000;

/**
 * Screen one time chunk: propagate knots, sweep the chunk's steps with the rigorous bound, refine candidates
 * with exact SGP4. Every pair-step is dropped only when the pair provably stays beyond the threshold:
 *
 *   broad phase  |Δr̃| ≤ ρ_i + ρ_j, with ρ_i = d/2 + ε_i + (|ṽ_i| + ε'_i)·h + a_i·h²/2,
 *   narrow phase min_{|τ|≤h} |Δr̃ + Δṽ·τ| ≤ d + ε_i + ε_j + (ε'_i + ε'_j)·h + (a_i + a_j)·h²/2,
 *
 * where ~ marks interpolated states at the step centre, h = Δt/2, ε/ε' the measured interpolation errors
 * and a the acceleration bounds. Both follow from |Δr(t)| ≥ |Δr(t_s) + Δv(t_s)(t − t_s)| − A(t − t_s)²/2.
 */
export function screenChunk(
  plan: ScreeningPlan,
  errors: InterpolationErrors,
  states: ExactStates,
  filler: KnotFiller,
  chunk: number,
): ChunkResult {
  const callsBefore = states.calls;
  const { startUnixMs: chunkStart, endUnixMs: chunkEnd } = chunkRange(plan, chunk);
  const W0 = plan.startUnixMs;
  const stepMs = plan.stepS * 1000;
  const d = plan.thresholdKm;
  const n = plan.objectCount;
  const failures: RefineFailure[] = [];
  const failedIndex = new Set<number>();

  // 1. Knots of every active object covering the chunk.
  const live = new Uint8Array(n);
  const knotBase = new Int32Array(n);
  const knotFirst = new Float64Array(n);
  let totalKnots = 0;
  let knotEvaluations = 0;
  const groupCounts: number[] = [];
  const k0 = Math.round((chunkStart - W0) / stepMs);
  const k1 = Math.min(k0 + plan.chunkSteps, plan.stepCount);
  // The last step centre interpolated, computed as the sweep computes it, so its segment is the last one read.
  const lastCentreDt = W0 + (k1 - 1 + 0.5) * stepMs - W0;
  for (const group of plan.groups) {
    const gapMs = group.gapS * 1000;
    const kFirst = Math.floor((chunkStart - W0) / gapMs);
    const lastSegment = Math.floor(lastCentreDt * (1 / (group.gapS * 1000)) - kFirst);
    const count = Math.max(lastSegment, 0) + 2;
    groupCounts.push(count);
    totalKnots += count * group.members.length;
  }
  // Time-major within each group ([knot][member][6]): at a given step all members of a group read adjacent
  // memory, which keeps the interpolation cache-friendly (member-major reads miss the cache on every object).
  const arena = sweepArena();
  arena.reset();
  const knotsAddress = arena.alloc(totalKnots * 6 * 8);
  const knots = arena.f64(knotsAddress, totalKnots * 6);
  const knotStride = new Int32Array(n);
  let offset = 0;
  for (let g = 0; g < plan.groups.length; g++) {
    const group = plan.groups[g] as ScreeningPlan['groups'][number];
    const count = groupCounts[g] as number;
    const gapMs = group.gapS * 1000;
    const kFirst = Math.floor((chunkStart - W0) / gapMs);
    const m = group.members.length;
    const errs = new Uint8Array(m * count);
    knotEvaluations += fillKnotGrid(filler, g, group, group.members, W0, kFirst, count, knots, errs, {
      offsetStates: offset,
      memberStride: 1,
      timeStride: m,
    });
    for (let k = 0; k < m; k++) {
      const i = group.members[k] as number;
      knotBase[i] = (offset + k) * 6;
      knotStride[i] = m * 6;
      knotFirst[i] = kFirst;
      live[i] = errors.errorNumber[i] === 0 ? 1 : 0;
      for (let t = 0; t < count; t++) {
        const code = errs[k * count + t] as number;
        if (code !== 0) {
          live[i] = 0;
          if (!failedIndex.has(i)) {
            failedIndex.add(i);
            failures.push({ index: i, code, atUnixMs: W0 + (kFirst + t) * gapMs });
          }
          break;
        }
      }
    }
    offset += m * count;
  }

  // 2. Sweep the chunk's steps. Live objects are ordered by knot address so interpolation reads memory in order.
  const liveList: number[] = [];
  for (let i = 0; i < n; i++) if (live[i] === 1) liveList.push(i);
  liveList.sort((x, y) => (knotBase[x] as number) - (knotBase[y] as number));
  const sweeper = new StepSweeper(
    plan,
    errors,
    arena,
    knotsAddress,
    Int32Array.from(liveList),
    knotBase,
    knotStride,
    knotFirst,
  );
  sweeper.sweepSteps(k0, k1);
  const emitted = sweeper.emitted;
  const broad = sweeper.broad;
  const narrow = sweeper.narrow;

  // 3. Merge consecutive flagged steps per pair into intervals and refine them with exact SGP4.
  const count = emitted.length / 3;
  const span = plan.chunkSteps + 1;
  const keys = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const ia = emitted.data[3 * e] as number;
    const ib = emitted.data[3 * e + 1] as number;
    const st = emitted.data[3 * e + 2] as number;
    keys[e] = (ia * n + ib) * span + (st - k0);
  }
  keys.sort();
  const refiner = new PairRefiner(states, d, plan.startUnixMs, plan.endUnixMs);
  const events: ConjunctionEvent[] = [];
  const proximities: ChunkProximity[] = [];
  const pairKeys: number[] = [];
  let intervals = 0;
  let e = 0;
  while (e < count) {
    const key = keys[e] as number;
    const pairKey = Math.floor(key / span);
    const firstStep = key - pairKey * span;
    let lastStep = firstStep;
    let f = e + 1;
    while (f < count) {
      const k2 = keys[f] as number;
      const p2 = Math.floor(k2 / span);
      const s2 = k2 - p2 * span;
      if (p2 !== pairKey || s2 > lastStep + 1) break;
      if (s2 === lastStep + 1) lastStep = s2;
      f += 1;
    }
    e = f;
    const ia = Math.floor(pairKey / n);
    const ib = pairKey - ia * n;
    if (failedIndex.has(ia) || failedIndex.has(ib)) continue;
    if (pairKeys.length === 0 || pairKeys[pairKeys.length - 1] !== pairKey) pairKeys.push(pairKey);
    intervals += 1;
    const primaryFirst = !(plan.oneVsAll && plan.isPrimary[ib] === 1 && plan.isPrimary[ia] === 0);
    const i1 = primaryFirst ? ia : ib;
    const i2 = primaryFirst ? ib : ia;
    const a = W0 + (k0 + firstStep) * stepMs;
    const b = W0 + (k0 + lastStep + 1) * stepMs;
    const sampleMs = Math.min(
      MAX_REFINE_SAMPLE_MS,
      stepMs * Math.max(1, Math.floor(MAX_REFINE_SAMPLE_MS / stepMs)),
    );
    const result = refiner.refine(i1, i2, a, b, sampleMs, chunkStart, chunkEnd, events);
    if (result.failure) {
      if (!failedIndex.has(result.failure.index)) {
        failedIndex.add(result.failure.index);
        failures.push(result.failure);
      }
      continue;
    }
    if (result.proximity) proximities.push(result.proximity);
  }
  return {
    chunk,
    events,
    proximities,
    failures,
    candidatePairKeys: Float64Array.from(pairKeys),
    broadPhasePairSteps: broad,
    narrowPhasePairSteps: narrow,
    candidateIntervals: intervals,
    knotEvaluations,
    exactSgp4Calls: states.calls - callsBefore,
  };
}
