import { ObjectStates } from './object-states.js';
import { type OrbitEnvelope, orbitEnvelope } from './orbit-envelope.js';
import { radialRangeKm } from './radial-range.js';
import { vectorInRtn } from './rtn.js';
import { tabulatedEnvelope } from './screening-plan.js';
import type { ConjunctionEvent, ScreeningRequest } from './screening-types.js';

export interface ReferenceScreeningOptions {
  /** Fixed exact-SGP4 sampling step, s (default 2). */
  readonly stepS?: number;
}

export interface ReferenceScreeningResult {
  readonly conjunctions: readonly ConjunctionEvent[];
  /** Objects that failed to propagate somewhere in the window (excluded, as in the engine). */
  readonly failedIndices: readonly number[];
  readonly pairsTested: number;
}

/**
 * Deliberately simple brute-force screener, the yardstick for the engine's recall: exact SGP4 for every object
 * at every fixed step; every pair whose padded perigee/apogee shells overlap is tested at every step with
 *   |Δr| ≤ d + |Δv|·δ/2 + (a_i + a_j)·δ²/8
 * (δ the step, a the acceleration bounds), which no pair coming within d during ±δ/2 of the sample can fail.
 * Flagged steps are merged, |Δr|² is sampled every δ/2 on positions alone and each sampled local minimum is
 * narrowed by golden-section search to 1 µs. No interpolation, no grid, no chunking, all-vs-all (or primaries-vs-all).
 * Memory: objects × steps × 6 doubles; meant for sub-catalogs of a few hundred objects over hours.
 */
export function referenceScreen(
  request: ScreeningRequest,
  options: ReferenceScreeningOptions = {},
): ReferenceScreeningResult {
  const stepS = options.stepS ?? 2;
  const d = request.thresholdKm;
  const n = request.objects.length;
  const W0 = request.startUnixMs;
  const W1 = request.endUnixMs;
  // Tabulated objects (one segment covering the window, as in the engine) are sampled like the others.
  const states = new ObjectStates(request.objects);
  const days = (W1 - W0) / 86_400_000;
  const env = request.objects.map((o): OrbitEnvelope => {
    if (!o.ephemeris) return orbitEnvelope(o.elementSet, days);
    const e = tabulatedEnvelope(o, W0, W1);
    if (!e) throw new Error('reference: an ephemeris does not cover the window');
    return e;
  });
  // Radial ranges: the union of the element-only shell and SGP4's own bounds (each rigorous where it applies).
  const shells = request.objects.map((o, i) => {
    const e = env[i] as OrbitEnvelope;
    const [lo, hi] = radialRangeKm(o, e, W0, W1);
    return [
      Math.min(lo, e.perigeeRadiusKm - e.shellPaddingKm),
      Math.max(hi, e.apogeeRadiusKm + e.shellPaddingKm),
    ] as const;
  });
  const steps = Math.ceil((W1 - W0) / (stepS * 1000) - 1e-9);
  const times = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) times[k] = Math.min(W0 + k * stepS * 1000, W1);
  const T = times.length;
  const grid = new Float64Array(T * n * 6);
  const failed = new Set<number>();
  for (let k = 0; k < T; k++) {
    for (let i = 0; i < n; i++) {
      if (failed.has(i)) continue;
      if (states.stateAt(i, times[k] as number, grid, (k * n + i) * 6) !== 0) failed.add(i);
    }
  }
  const primaries = request.primaryIndices ? new Set(request.primaryIndices) : undefined;
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (failed.has(i) || failed.has(j)) continue;
      if (primaries && !primaries.has(i) && !primaries.has(j)) continue;
      const [iLo, iHi] = shells[i] as readonly [number, number];
      const [jLo, jHi] = shells[j] as readonly [number, number];
      if (iLo > jHi + d || jLo > iHi + d) continue;
      pairs.push([i, j]);
    }
  }
  const events: ConjunctionEvent[] = [];
  const half = stepS / 2;
  const s1 = new Float64Array(6);
  const s2 = new Float64Array(6);
  const rel = (i: number, j: number, t: number): { range: number; f: number } => {
    if (states.stateAt(i, t, s1, 0) !== 0 || states.stateAt(j, t, s2, 0) !== 0)
      throw new Error(`reference: propagation failed for pair ${i}/${j}`);
    let f = 0;
    let r2 = 0;
    for (let c = 0; c < 3; c++) {
      const dr = (s2[c] as number) - (s1[c] as number);
      f += dr * ((s2[c + 3] as number) - (s1[c + 3] as number));
      r2 += dr * dr;
    }
    return { range: Math.sqrt(r2), f };
  };
  const emit = (i: number, j: number, t: number, edge: ConjunctionEvent['edge']) => {
    const { range } = rel(i, j, t);
    if (range > d) return;
    const dr = [0, 1, 2].map((c) => (s2[c] as number) - (s1[c] as number));
    const dv = [0, 1, 2].map((c) => (s2[c + 3] as number) - (s1[c + 3] as number));
    events.push({
      index1: i,
      index2: j,
      tcaUnixMs: t,
      missKm: range,
      relSpeedKmS: Math.hypot(dv[0] as number, dv[1] as number, dv[2] as number),
      missRtnKm: vectorInRtn(s1.subarray(0, 3), s1.subarray(3, 6), dr),
      edge,
    });
  };
  // Step-major loop (the states of one step stay in cache); runs of flagged steps are refined afterwards.
  const P = pairs.length;
  const pi = new Int32Array(P);
  const pj = new Int32Array(P);
  const pAccel = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const [i0, j0] = pairs[p] as [number, number];
    const primaryFirst = !(primaries?.has(j0) && !primaries.has(i0));
    pi[p] = primaryFirst ? i0 : j0;
    pj[p] = primaryFirst ? j0 : i0;
    pAccel[p] = (env[i0]?.maxAccelKmS2 ?? 0) + (env[j0]?.maxAccelKmS2 ?? 0);
  }
  const runStart = new Int32Array(P).fill(-1);
  const runs: { p: number; from: number; to: number }[] = [];
  for (let k = 0; k <= T; k++) {
    for (let p = 0; p < P; p++) {
      let flagged = false;
      if (k < T) {
        const a = (k * n + (pi[p] as number)) * 6;
        const b = (k * n + (pj[p] as number)) * 6;
        const dx = (grid[b] as number) - (grid[a] as number);
        const dy = (grid[b + 1] as number) - (grid[a + 1] as number);
        const dz = (grid[b + 2] as number) - (grid[a + 2] as number);
        const dvx = (grid[b + 3] as number) - (grid[a + 3] as number);
        const dvy = (grid[b + 4] as number) - (grid[a + 4] as number);
        const dvz = (grid[b + 5] as number) - (grid[a + 5] as number);
        const bound =
          d + Math.sqrt(dvx * dvx + dvy * dvy + dvz * dvz) * half + ((pAccel[p] as number) * half * half) / 2;
        flagged = dx * dx + dy * dy + dz * dz <= bound * bound;
      }
      const start = runStart[p] as number;
      if (flagged && start < 0) runStart[p] = k;
      if (!flagged && start >= 0) {
        runs.push({
          p,
          from: Math.max(W0, (times[start] as number) - half * 1000),
          to: Math.min(W1, (times[k - 1] as number) + half * 1000),
        });
        runStart[p] = -1;
      }
    }
  }
  for (const run of runs) refineRun(pi[run.p] as number, pj[run.p] as number, run.from, run.to);

  // Minima are found on positions alone (SGP4's velocity is not exactly the derivative of its position, which
  // moves the root of Δr·Δv by seconds for slow pairs): local minima of |Δr|² sampled every δ/2, one sample
  // beyond each end of the run, each bracketed minimum narrowed by golden-section search to 1 µs.
  function rangeSquared(i: number, j: number, t: number): number {
    const r = rel(i, j, t).range;
    return r * r;
  }
  function goldenMinimum(i: number, j: number, lo0: number, hi0: number): number {
    const ratio = (Math.sqrt(5) - 1) / 2;
    let lo = lo0;
    let hi = hi0;
    let x1 = hi - ratio * (hi - lo);
    let x2 = lo + ratio * (hi - lo);
    let g1 = rangeSquared(i, j, x1);
    let g2 = rangeSquared(i, j, x2);
    while (hi - lo > 1e-3) {
      if (g1 <= g2) {
        hi = x2;
        x2 = x1;
        g2 = g1;
        x1 = hi - ratio * (hi - lo);
        g1 = rangeSquared(i, j, x1);
      } else {
        lo = x1;
        x1 = x2;
        g1 = g2;
        x2 = lo + ratio * (hi - lo);
        g2 = rangeSquared(i, j, x2);
      }
    }
    return 0.5 * (lo + hi);
  }
  function refineRun(i: number, j: number, from: number, to: number): void {
    const sub = half * 1000;
    const count = Math.max(1, Math.ceil((to - from) / sub - 1e-9));
    const times: number[] = [];
    if (from > W0) times.push(Math.max(W0, from - sub));
    for (let s = 0; s <= count; s++) times.push(s === count ? to : from + s * sub);
    if (to < W1) times.push(Math.min(W1, to + sub));
    const g = times.map((t) => rangeSquared(i, j, t));
    const last = times.length - 1;
    if (times[0] === W0 && (g[1] as number) > (g[0] as number)) emit(i, j, W0, 'window-start');
    for (let s = 1; s < last; s++) {
      const gs = g[s] as number;
      if (gs <= (g[s - 1] as number) && gs < (g[s + 1] as number))
        emit(i, j, goldenMinimum(i, j, times[s - 1] as number, times[s + 1] as number), 'none');
    }
    if (times[last] === W1 && (g[last] as number) < (g[last - 1] as number)) emit(i, j, W1, 'window-end');
  }

  // A minimum can straddle two flagged runs only if a run boundary splits it; merge duplicates within 1 ms.
  events.sort((a, b) => a.index1 - b.index1 || a.index2 - b.index2 || a.tcaUnixMs - b.tcaUnixMs);
  const unique: ConjunctionEvent[] = [];
  for (const e of events) {
    const last = unique[unique.length - 1];
    if (
      last &&
      last.index1 === e.index1 &&
      last.index2 === e.index2 &&
      Math.abs(last.tcaUnixMs - e.tcaUnixMs) < 1
    )
      continue;
    unique.push(e);
  }
  unique.sort((a, b) => a.tcaUnixMs - b.tcaUnixMs || a.index1 - b.index1 || a.index2 - b.index2);
  return {
    conjunctions: unique,
    failedIndices: [...failed].sort((a, b) => a - b),
    pairsTested: pairs.length,
  };
}
