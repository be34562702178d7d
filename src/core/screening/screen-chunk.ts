import type { ExactStates } from './exact-states.js';
import type { InterpolationErrors } from './interpolation-error.js';
import type { KnotFiller } from './knot-filler.js';
import { type ChunkProximity, PairRefiner, type RefineFailure } from './refine.js';
import { chunkRange, type ScreeningPlan } from './screening-plan.js';
import type { ConjunctionEvent } from './screening-types.js';
import { fillKnotGrid } from './septic-knots.js';

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

/** Half-width of the column grid, km: covers LEO; objects farther out are clamped to the border columns. */
const GRID_HALF_WIDTH_KM = 8_500;
/** Objects faster than this (km/s, at any point of their orbit) do not set the grid cell size. */
const CELL_SPEED_KM_S = 8.2;
/** One-vs-all secondaries wait at most this many steps minus one before they are tested again. */
const WAKE_RING_STEPS = 64;
/** Exact samples inside long refinement intervals are at most this far apart, ms. */
const MAX_REFINE_SAMPLE_MS = 60_000;

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;
  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = a;
    this.data[this.length + 1] = b;
    this.data[this.length + 2] = c;
    this.length += 3;
  }
}

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
  const evalsBefore = filler.evaluations;
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
  const knots = new Float64Array(totalKnots * 6);
  const knotStride = new Int32Array(n);
  let offset = 0;
  for (let g = 0; g < plan.groups.length; g++) {
    const group = plan.groups[g] as ScreeningPlan['groups'][number];
    const count = groupCounts[g] as number;
    const gapMs = group.gapS * 1000;
    const kFirst = Math.floor((chunkStart - W0) / gapMs);
    const m = group.members.length;
    const errs = new Uint8Array(m * count);
    fillKnotGrid(filler, g, group, group.members, W0, kFirst, count, knots, errs, {
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
    knots,
    Int32Array.from(liveList),
    knotBase,
    knotStride,
    knotFirst,
  );
  for (let step = k0; step < k1; step++) sweeper.sweep(step);
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
    knotEvaluations: filler.evaluations - evalsBefore,
    exactSgp4Calls: states.calls - callsBefore,
  };
}

/**
 * The per-step sweep over the live objects of one chunk. Hot loops live in small methods (V8 optimises
 * those far better than one large function) over structure-of-arrays Float64 buffers allocated once.
 */
class StepSweeper {
  readonly emitted = new GrowableInt32();
  broad = 0;
  narrow = 0;
  private readonly L: number;
  private readonly d: number;
  private readonly h: number;
  private readonly w0: number;
  private readonly stepMs: number;
  private readonly oneVsAll: boolean;
  private readonly skipPrimaryPairs: boolean;
  private readonly cellKm: number;
  private readonly halfCell: number;
  private readonly invCell: number;
  private readonly nCol: number;
  private readonly gapS: Float64Array;
  private readonly invGapMs: Float64Array;
  private readonly base: Int32Array;
  private readonly stride: Int32Array;
  private readonly kFirst: Float64Array;
  private readonly epsP: Float64Array;
  private readonly epsV: Float64Array;
  private readonly acc: Float64Array;
  private readonly scanner: Uint8Array;
  /** Slots of the primaries (one-vs-all). */
  private readonly primarySlots: Int32Array;
  /**
   * Slots interpolated and tested at the current step: all of them in all-vs-all; in one-vs-all the primaries
   * and the secondaries due. A secondary far from every primary cannot pass the ball test until the gap closes at
   * their largest speeds, so it waits in the ring of step buckets until then.
   */
  private readonly dueSlots: Int32Array;
  private dueCount = 0;
  private readonly bucketHead: Int32Array;
  private readonly bucketNext: Int32Array;
  private bucketsStarted = false;
  /** Largest speed of the interpolant, |ṽ| ≤ v_max + ε', km/s. */
  private readonly speedBound: Float64Array;
  /** Per slot [x, y, z, ρ]: interpolated position and ball radius, interleaved (one cache line per object). */
  private readonly pos: Float64Array;
  /**
   * Per slot [vx, vy, vz, pad]: interpolated velocity and the narrow-phase padding ε + ε'·h + a·h²/2 (constant
   * over the chunk). Interleaved so the narrow test reads one cache line per object instead of six.
   */
  private readonly vel: Float64Array;
  private readonly col: Int32Array;
  private readonly perm: Int32Array;
  private readonly sx: Float64Array;
  private readonly sq: Int32Array;
  private readonly sy: Float64Array;
  private readonly sz: Float64Array;
  private readonly srad: Float64Array;
  private readonly sfast: Uint8Array;
  private readonly colCount: Int32Array;
  private readonly fillPos: Int32Array;
  private readonly isFast: Uint8Array;
  private readonly inFar: Uint8Array;
  private readonly farList: Int32Array;
  private readonly farOrder: Int32Array;
  private readonly inner: Uint8Array;
  private readonly nonEmpty: Int32Array;
  private nonEmptyCount = 0;
  private farOrderLength = 0;
  private radMax = 0;
  private farCount = 0;
  private step = 0;

  constructor(
    plan: ScreeningPlan,
    errors: InterpolationErrors,
    private readonly knots: Float64Array,
    private readonly obj: Int32Array,
    knotBase: Int32Array,
    knotStride: Int32Array,
    knotFirst: Float64Array,
  ) {
    const L = obj.length;
    this.L = L;
    this.d = plan.thresholdKm;
    this.h = plan.stepS / 2;
    this.w0 = plan.startUnixMs;
    this.stepMs = plan.stepS * 1000;
    this.oneVsAll = plan.oneVsAll;
    this.skipPrimaryPairs = plan.request.skipPrimaryPairs === true;
    this.dueSlots = new Int32Array(L);
    this.bucketHead = new Int32Array(WAKE_RING_STEPS).fill(-1);
    this.bucketNext = new Int32Array(L).fill(-1);
    this.speedBound = new Float64Array(L);
    this.gapS = new Float64Array(L);
    this.invGapMs = new Float64Array(L);
    this.base = new Int32Array(L);
    this.stride = new Int32Array(L);
    this.kFirst = new Float64Array(L);
    this.epsP = new Float64Array(L);
    this.epsV = new Float64Array(L);
    this.acc = new Float64Array(L);
    this.scanner = new Uint8Array(L);
    const h = this.h;
    const d = this.d;
    let cellRadius = d / 2 + 1;
    for (let q = 0; q < L; q++) {
      const i = obj[q] as number;
      const g = plan.knotGapS[i] as number;
      this.gapS[q] = g;
      this.invGapMs[q] = 1 / (g * 1000);
      this.base[q] = knotBase[i] as number;
      this.stride[q] = knotStride[i] as number;
      this.kFirst[q] = knotFirst[i] as number;
      const ep = errors.positionKm[i] as number;
      const ev = errors.velocityKmS[i] as number;
      const a = plan.maxAccelKmS2[i] as number;
      this.epsP[q] = ep;
      this.epsV[q] = ev;
      this.acc[q] = a;
      if (plan.oneVsAll && plan.isPrimary[i] === 1) this.scanner[q] = 1;
      const env = plan.envelopes[i];
      if (env) {
        // The cell fits ordinary objects; faster or less well interpolated ones become scanners when their
        // ball exceeds half a cell, which keeps the sweep complete whatever the cell size.
        const r =
          d / 2 +
          Math.min(ep, 1) +
          (Math.min(env.maxSpeedKmS, CELL_SPEED_KM_S) + Math.min(ev, 0.01)) * h +
          Math.min(a, 0.011) * h * h * 0.5;
        if (r > cellRadius) cellRadius = r;
      }
    }
    this.cellKm = 2 * cellRadius;
    this.halfCell = cellRadius;
    this.invCell = 1 / this.cellKm;
    this.nCol = Math.max(1, Math.ceil((2 * GRID_HALF_WIDTH_KM) / this.cellKm));
    this.pos = new Float64Array(4 * L);
    this.vel = new Float64Array(4 * L);
    for (let q = 0; q < L; q++) {
      this.vel[4 * q + 3] =
        (this.epsP[q] as number) + (this.epsV[q] as number) * h + (this.acc[q] as number) * h * h * 0.5;
    }
    this.col = new Int32Array(L);
    this.perm = new Int32Array(L);
    this.sx = new Float64Array(L);
    this.sq = new Int32Array(L);
    this.sy = new Float64Array(L);
    this.sz = new Float64Array(L);
    this.srad = new Float64Array(L);
    this.sfast = new Uint8Array(L);
    this.colCount = new Int32Array(this.nCol * this.nCol + 1);
    this.fillPos = new Int32Array(this.nCol * this.nCol);
    this.isFast = new Uint8Array(L);
    this.inFar = new Uint8Array(L);
    this.farList = new Int32Array(L);
    this.farOrder = new Int32Array(L);
    this.inner = new Uint8Array(L);
    this.nonEmpty = new Int32Array(this.nCol * this.nCol);
    // Ball radius ρ_i over a step from the largest speed the orbit can have (constant over the chunk).
    let radMax = 0;
    for (let q = 0; q < L; q++) {
      const i = obj[q] as number;
      const env = plan.envelopes[i];
      const vmax = env ? env.maxSpeedKmS : 12;
      const r =
        d / 2 +
        (this.epsP[q] as number) +
        (vmax + (this.epsV[q] as number)) * h +
        (this.acc[q] as number) * h * h * 0.5;
      this.pos[4 * q + 3] = r;
      this.speedBound[q] = vmax + (this.epsV[q] as number);
      if (r > radMax) radMax = r;
      this.isFast[q] = plan.oneVsAll ? (this.scanner[q] as number) : r > this.halfCell ? 1 : 0;
    }
    this.radMax = radMax;
    const primarySlots: number[] = [];
    for (let q = 0; q < L; q++) if (this.scanner[q] === 1) primarySlots.push(q);
    this.primarySlots = Int32Array.from(primarySlots);
    if (!this.oneVsAll) {
      for (let q = 0; q < L; q++) this.dueSlots[q] = q;
      this.dueCount = L;
    }
    // Objects whose whole padded orbit stays inside the part of the box no far object can reach skip the
    // far test; the others are classified step by step.
    const farEdge = GRID_HALF_WIDTH_KM - 2 * radMax;
    for (let q = 0; q < L; q++) {
      const env = plan.envelopes[obj[q] as number];
      if (env && env.apogeeRadiusKm + env.shellPaddingKm < farEdge) this.inner[q] = 1;
    }
  }

  sweep(step: number): void {
    // Hot loops return their results instead of storing them on `this` after the loop: V8 otherwise re-enters
    // an on-stack-replaced version compiled before that store had type feedback and deoptimises every step.
    this.step = step;
    if (this.oneVsAll) this.dueCount = this.collectDue(step);
    this.interpolate(this.w0 + (step + 0.5) * this.stepMs);
    if (this.oneVsAll) {
      // Few primaries: testing each against every live object is cheaper than any grid.
      this.primaryScan();
      return;
    }
    this.farCount = this.classify(GRID_HALF_WIDTH_KM - 2 * this.radMax);
    this.nonEmptyCount = this.prefixColumns();
    this.scatterColumns();
    this.sortColumnsByX();
    if (!this.oneVsAll) this.stencil();
    this.scan();
    this.farOrderLength = this.farCount > 0 ? this.farSweep(this.farOrderLength) : 0;
  }

  /**
   * One-vs-all: every due live object against every primary (each primary pair once). A secondary at range D
   * from primary a satisfies |Δr̃(t')| ≥ D − (V_a + V_b)·|t' − t| (V the interpolants' speed bounds), so it
   * cannot pass the ball test ρ_a + ρ_b for any primary before the earliest step at which that bound drops to it.
   */
  private primaryScan(): void {
    const { scanner, pos, speedBound, primarySlots, dueSlots } = this;
    const step = this.step;
    const stepS = 2 * this.h;
    const skipPrimaryPairs = this.skipPrimaryPairs;
    const P = primarySlots.length;
    const count = this.dueCount;
    for (let s = 0; s < count; s++) {
      const b = dueSlots[s] as number;
      const bIsPrimary = scanner[b] === 1;
      if (bIsPrimary && skipPrimaryPairs) continue;
      const xb = pos[4 * b] as number;
      const yb = pos[4 * b + 1] as number;
      const zb = pos[4 * b + 2] as number;
      const rb = pos[4 * b + 3] as number;
      const vb = speedBound[b] as number;
      let next = step + WAKE_RING_STEPS - 1;
      for (let k = 0; k < P; k++) {
        const a = primarySlots[k] as number;
        // Primary pairs once, from the lower slot.
        if (bIsPrimary && a >= b) break;
        const dx = xb - (pos[4 * a] as number);
        const dy = yb - (pos[4 * a + 1] as number);
        const dz = zb - (pos[4 * a + 2] as number);
        const rr = (pos[4 * a + 3] as number) + rb;
        const range2 = dx * dx + dy * dy + dz * dz;
        if (range2 <= rr * rr) {
          this.testPair(a, b);
          next = step + 1;
        } else if (next > step + 1) {
          // Steps j < x = (D − ρ_a − ρ_b)/((V_a + V_b)·Δt) ahead still fail the ball test; 1 mm of margin.
          const x = (Math.sqrt(range2) - rr - 1e-6) / (((speedBound[a] as number) + vb) * stepS);
          const due = x > 1 ? step + Math.ceil(x) : step + 1;
          if (due < next) next = due;
        }
      }
      if (!bIsPrimary) this.schedule(b, next);
    }
  }

  /** The primaries and the secondaries whose wake step is `step` (all of them at the first step). */
  private collectDue(step: number): number {
    const { dueSlots, bucketHead, bucketNext, primarySlots } = this;
    let count = 0;
    for (let k = 0; k < primarySlots.length; k++) dueSlots[count++] = primarySlots[k] as number;
    if (!this.bucketsStarted) {
      this.bucketsStarted = true;
      for (let q = 0; q < this.L; q++) if (this.scanner[q] !== 1) dueSlots[count++] = q;
      return count;
    }
    const slot = step % WAKE_RING_STEPS;
    let q = bucketHead[slot] as number;
    bucketHead[slot] = -1;
    while (q >= 0) {
      dueSlots[count++] = q;
      q = bucketNext[q] as number;
    }
    // In slot order the interpolation reads the knots nearly sequentially (a bucket's order is arbitrary).
    dueSlots.subarray(primarySlots.length, count).sort();
    return count;
  }

  private schedule(q: number, wakeStep: number): void {
    const slot = wakeStep % WAKE_RING_STEPS;
    this.bucketNext[q] = this.bucketHead[slot] as number;
    this.bucketHead[slot] = q;
  }

  /** Hermite position and velocity of every live object at the step centre. */
  private interpolate(ts: number): void {
    const { knots, gapS, invGapMs, base, stride, kFirst, vel, pos, dueSlots } = this;
    const dt = ts - this.w0;
    const count = this.dueCount;
    for (let s = 0; s < count; s++) {
      const q = dueSlots[s] as number;
      const u = dt * (invGapMs[q] as number) - (kFirst[q] as number);
      const seg = Math.floor(u);
      const tau = u - seg;
      const g = gapS[q] as number;
      const st = stride[q] as number;
      const kb = (base[q] as number) + seg * st;
      const kc = kb + st;
      const t2 = tau * tau;
      const t3 = t2 * tau;
      const h00 = 2 * t3 - 3 * t2 + 1;
      const h10 = (t3 - 2 * t2 + tau) * g;
      const h01 = -2 * t3 + 3 * t2;
      const h11 = (t3 - t2) * g;
      const d00 = (6 * t2 - 6 * tau) / g;
      const d10 = 3 * t2 - 4 * tau + 1;
      const d11 = 3 * t2 - 2 * tau;
      const x0 = knots[kb] as number;
      const y0 = knots[kb + 1] as number;
      const z0 = knots[kb + 2] as number;
      const u0 = knots[kb + 3] as number;
      const v0 = knots[kb + 4] as number;
      const w0 = knots[kb + 5] as number;
      const x1 = knots[kc] as number;
      const y1 = knots[kc + 1] as number;
      const z1 = knots[kc + 2] as number;
      const u1 = knots[kc + 3] as number;
      const v1 = knots[kc + 4] as number;
      const w1 = knots[kc + 5] as number;
      pos[4 * q] = h00 * x0 + h10 * u0 + h01 * x1 + h11 * u1;
      pos[4 * q + 1] = h00 * y0 + h10 * v0 + h01 * y1 + h11 * v1;
      pos[4 * q + 2] = h00 * z0 + h10 * w0 + h01 * z1 + h11 * w1;
      const ux = d00 * (x0 - x1) + d10 * u0 + d11 * u1;
      const uy = d00 * (y0 - y1) + d10 * v0 + d11 * v1;
      const uz = d00 * (z0 - z1) + d10 * w0 + d11 * w1;
      const vq = 4 * q;
      vel[vq] = ux;
      vel[vq + 1] = uy;
      vel[vq + 2] = uz;
    }
  }

  /**
   * Inside the grid box → a column; near or beyond its faces → the far x-sweep (both when close to a face,
   * so every pair with a far object is seen there). Fast objects (ρ above half a cell) scan for themselves.
   */
  private classify(farEdge: number): number {
    const { L, col, colCount, inFar, inner, nCol, invCell, pos } = this;
    colCount.fill(0);
    let farCount = 0;
    const last = nCol - 1;
    for (let q = 0; q < L; q++) {
      const y = pos[4 * q + 1] as number;
      const z = pos[4 * q + 2] as number;
      if (inner[q] === 0) {
        const x = pos[4 * q] as number;
        const ax = x < 0 ? -x : x;
        const ay = y < 0 ? -y : y;
        const az = z < 0 ? -z : z;
        const m = ax > ay ? (ax > az ? ax : az) : ay > az ? ay : az;
        if (m > farEdge) {
          inFar[q] = 1;
          farCount += 1;
        } else inFar[q] = 0;
        if (m > GRID_HALF_WIDTH_KM) {
          col[q] = -1;
          continue;
        }
      }
      // Inside the box both offsets are ≥ 0, so truncation is the floor.
      let cy = ((y + GRID_HALF_WIDTH_KM) * invCell) | 0;
      if (cy > last) cy = last;
      let cz = ((z + GRID_HALF_WIDTH_KM) * invCell) | 0;
      if (cz > last) cz = last;
      const c = cy * nCol + cz;
      col[q] = c;
      colCount[c + 1] = (colCount[c + 1] as number) + 1;
    }
    return farCount;
  }

  /** Counting sort by column (prefix sums, scatter), then insertion sort by x inside each column. */
  private prefixColumns(): number {
    const { colCount, fillPos, nonEmpty } = this;
    const columns = this.nCol * this.nCol;
    let k = 0;
    for (let c = 0; c < columns; c++) {
      const count = colCount[c + 1] as number;
      if (count > 0) {
        nonEmpty[k] = c;
        k += 1;
      }
      const start = colCount[c] as number;
      colCount[c + 1] = count + start;
      fillPos[c] = start;
    }
    return k;
  }

  private scatterColumns(): void {
    const { L, col, fillPos, perm } = this;
    for (let q = 0; q < L; q++) {
      const c = col[q] as number;
      if (c < 0) continue;
      const at = fillPos[c] as number;
      perm[at] = q;
      fillPos[c] = at + 1;
    }
  }

  /**
   * Insertion sort by x inside each column, then the sorted copies of y, z, ρ and the fast flag so the column
   * sweeps read memory in order. Gathering right after a column is sorted finds its objects' [x, y, z, ρ]
   * lines still in cache.
   */
  private sortColumnsByX(): void {
    const { colCount, perm, sx, sq, nonEmpty, pos, isFast, sy, sz, srad, sfast } = this;
    const count = this.nonEmptyCount;
    for (let k = 0; k < count; k++) {
      const c = nonEmpty[k] as number;
      const lo = colCount[c] as number;
      const hi = colCount[c + 1] as number;
      for (let s = lo; s < hi; s++) {
        const q = perm[s] as number;
        const xq = pos[4 * q] as number;
        let t = s - 1;
        while (t >= lo && (sx[t] as number) > xq) {
          sx[t + 1] = sx[t] as number;
          sq[t + 1] = sq[t] as number;
          t -= 1;
        }
        sx[t + 1] = xq;
        sq[t + 1] = q;
      }
      for (let s = lo; s < hi; s++) {
        const q = sq[s] as number;
        sy[s] = pos[4 * q + 1] as number;
        sz[s] = pos[4 * q + 2] as number;
        srad[s] = pos[4 * q + 3] as number;
        sfast[s] = isFast[q] as number;
      }
    }
  }

  /** Half-stencil sweep over column pairs, slow objects only (ρ_a + ρ_b ≤ one cell). */
  private stencil(): void {
    const { colCount, nCol, nonEmpty } = this;
    const count = this.nonEmptyCount;
    for (let k = 0; k < count; k++) {
      const c = nonEmpty[k] as number;
      const cy = (c / nCol) | 0;
      const cz = c - cy * nCol;
      const lo = colCount[c] as number;
      const hi = colCount[c + 1] as number;
      this.columnPair(lo, hi, lo, hi, true);
      if (cz + 1 < nCol) this.columnPair(lo, hi, colCount[c + 1] as number, colCount[c + 2] as number, false);
      if (cy + 1 < nCol) {
        const up = c + nCol;
        if (cz > 0) this.columnPair(lo, hi, colCount[up - 1] as number, colCount[up] as number, false);
        this.columnPair(lo, hi, colCount[up] as number, colCount[up + 1] as number, false);
        if (cz + 1 < nCol)
          this.columnPair(lo, hi, colCount[up + 1] as number, colCount[up + 2] as number, false);
      }
    }
  }

  /** All slow pairs between sorted ranges [lo, hi) and [lo2, hi2) (the same column when `same`). */
  private columnPair(lo: number, hi: number, lo2: number, hi2: number, same: boolean): void {
    if (lo2 === hi2) return;
    // Reads go to the sorted copies (sequential memory); slot indices only for pairs that pass.
    const { sx, sy, sz, srad, sfast, sq } = this;
    const halfCell = this.halfCell;
    let start2 = lo2;
    for (let s = lo; s < hi; s++) {
      if (sfast[s] === 1) continue;
      const xa = sx[s] as number;
      const ra = srad[s] as number;
      const reach = ra + halfCell;
      const xlo = xa - reach;
      while (start2 < hi2 && (sx[start2] as number) < xlo) start2 += 1;
      const from = same ? (start2 > s + 1 ? start2 : s + 1) : start2;
      const xhi = xa + reach;
      const ya = sy[s] as number;
      const za = sz[s] as number;
      for (let t = from; t < hi2; t++) {
        const xb = sx[t] as number;
        if (xb > xhi) break;
        const dy = (sy[t] as number) - ya;
        const dz = (sz[t] as number) - za;
        const dx = xb - xa;
        const rr = ra + (srad[t] as number);
        if (dx * dx + dy * dy + dz * dz <= rr * rr && sfast[t] === 0) {
          this.testPair(sq[s] as number, sq[t] as number);
        }
      }
    }
  }

  /** Scanners inside the box (fast objects, or primaries in one-vs-all mode) search a wider neighbourhood. */
  private scan(): void {
    const { L, isFast, col, colCount, nCol, invCell, sx, sq, pos } = this;
    const radMax = this.radMax;
    for (let a = 0; a < L; a++) {
      if (isFast[a] !== 1 || (col[a] as number) < 0) continue;
      const reach = (pos[4 * a + 3] as number) + radMax;
      const span = Math.ceil(reach * invCell);
      const c0 = col[a] as number;
      const cy = Math.floor(c0 / nCol);
      const cz = c0 - cy * nCol;
      const xa = pos[4 * a] as number;
      for (let ny = Math.max(0, cy - span); ny <= Math.min(nCol - 1, cy + span); ny++) {
        for (let nz = Math.max(0, cz - span); nz <= Math.min(nCol - 1, cz + span); nz++) {
          const c2 = ny * nCol + nz;
          const lo2 = colCount[c2] as number;
          const hi2 = colCount[c2 + 1] as number;
          if (lo2 === hi2) continue;
          let lo = lo2;
          let hi = hi2;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((sx[mid] as number) < xa - reach) lo = mid + 1;
            else hi = mid;
          }
          for (let t = lo; t < hi2; t++) {
            if ((sx[t] as number) > xa + reach) break;
            const b = sq[t] as number;
            if (b === a || (isFast[b] === 1 && b < a)) continue;
            const dx = (pos[4 * b] as number) - xa;
            const dy = (pos[4 * b + 1] as number) - (pos[4 * a + 1] as number);
            const dz = (pos[4 * b + 2] as number) - (pos[4 * a + 2] as number);
            const rr = (pos[4 * a + 3] as number) + (pos[4 * b + 3] as number);
            if (dx * dx + dy * dy + dz * dz <= rr * rr) this.testPair(a, b);
          }
        }
      }
    }
  }

  /** Every pair with at least one object outside the box, sorted on x (order kept from the previous step). */
  private farSweep(previousLength: number): number {
    const { L, inFar, farOrder, farList, col, scanner, oneVsAll, pos } = this;
    let m = 0;
    for (let s = 0; s < previousLength; s++) {
      const q = farOrder[s] as number;
      if (inFar[q] === 1) {
        farList[m] = q;
        m += 1;
        inFar[q] = 2;
      }
    }
    for (let q = 0; q < L; q++) {
      if (inFar[q] === 1) {
        farList[m] = q;
        m += 1;
      }
      if (inFar[q] === 2) inFar[q] = 1;
    }
    let farRadMax = 0;
    for (let s = 0; s < m; s++) {
      const q = farList[s] as number;
      const xq = pos[4 * q] as number;
      if ((pos[4 * q + 3] as number) > farRadMax) farRadMax = pos[4 * q + 3] as number;
      let t = s - 1;
      while (t >= 0 && (pos[4 * (farList[t] as number)] as number) > xq) {
        farList[t + 1] = farList[t] as number;
        t -= 1;
      }
      farList[t + 1] = q;
    }
    farOrder.set(farList.subarray(0, m));
    for (let s = 0; s < m; s++) {
      const a = farList[s] as number;
      const xa = pos[4 * a] as number;
      const xhi = xa + (pos[4 * a + 3] as number) + farRadMax;
      const aInside = (col[a] as number) >= 0;
      for (let t = s + 1; t < m; t++) {
        const b = farList[t] as number;
        if ((pos[4 * b] as number) > xhi) break;
        if (aInside && (col[b] as number) >= 0) continue;
        if (oneVsAll && scanner[a] !== 1 && scanner[b] !== 1) continue;
        const dx = (pos[4 * b] as number) - xa;
        const dy = (pos[4 * b + 1] as number) - (pos[4 * a + 1] as number);
        const dz = (pos[4 * b + 2] as number) - (pos[4 * a + 2] as number);
        const rr = (pos[4 * a + 3] as number) + (pos[4 * b + 3] as number);
        if (dx * dx + dy * dy + dz * dz <= rr * rr) this.testPair(a, b);
      }
    }
    return m;
  }

  /** Narrow phase on a broad-phase pair of live slots a, b; emits (object, object, step) in index order. */
  private testPair(a: number, b: number): void {
    this.broad += 1;
    // Recomputed rather than passed: double arguments of a call V8 does not inline are boxed, one heap number
    // each, millions per chunk (young-generation churn and collections); slot indices are small integers.
    const pos = this.pos;
    const dx = (pos[4 * b] as number) - (pos[4 * a] as number);
    const dy = (pos[4 * b + 1] as number) - (pos[4 * a + 1] as number);
    const dz = (pos[4 * b + 2] as number) - (pos[4 * a + 2] as number);
    const vel = this.vel;
    const h = this.h;
    const va = 4 * a;
    const vb = 4 * b;
    const dvx = (vel[vb] as number) - (vel[va] as number);
    const dvy = (vel[vb + 1] as number) - (vel[va + 1] as number);
    const dvz = (vel[vb + 2] as number) - (vel[va + 2] as number);
    const dv2 = dvx * dvx + dvy * dvy + dvz * dvz;
    let tau = dv2 > 0 ? -(dx * dvx + dy * dvy + dz * dvz) / dv2 : 0;
    if (tau > h) tau = h;
    else if (tau < -h) tau = -h;
    const mx = dx + dvx * tau;
    const my = dy + dvy * tau;
    const mz = dz + dvz * tau;
    const slack = this.d + (vel[va + 3] as number) + (vel[vb + 3] as number);
    if (mx * mx + my * my + mz * mz <= slack * slack) {
      this.narrow += 1;
      const ia = this.obj[a] as number;
      const ib = this.obj[b] as number;
      if (ia < ib) this.emitted.push3(ia, ib, this.step);
      else this.emitted.push3(ib, ia, this.step);
    }
  }
}
