import type { ExactStates } from './exact-states.js';
import { hermiteState } from './hermite.js';
import type { KnotFiller } from './knot-filler.js';
import type { ScreeningPlan } from './screening-plan.js';
import { fillKnotGrid, type KnotGridGroup } from './septic-knots.js';

/** Per-object interpolation error bounds (already padded) and propagation failures found while measuring. */
export interface InterpolationErrors {
  /** Position error bound of the Hermite interpolant, km. */
  readonly positionKm: Float64Array;
  /** Velocity error bound of its derivative, km/s. */
  readonly velocityKmS: Float64Array;
  /** 0, or the propagation error byte met while measuring (the object is then excluded). */
  readonly errorNumber: Uint8Array;
  readonly errorAtUnixMs: Float64Array;
}

/** Measured maxima are doubled and floored: the bound must hold on every orbit of the window, not just the sampled one. */
const SAFETY_FACTOR = 2;
/** The floor also covers the ≈ 0.2 m difference between the WASM and the scalar SGP4. */
const POSITION_FLOOR_KM = 0.002;
const VELOCITY_FLOOR_KM_S = 2e-6;
/**
 * Fractions of each knot interval where the position (0.5) and velocity (≈ 0.21 and, symmetrically, 0.79)
 * errors of a cubic Hermite peak.
 */
const SAMPLE_FRACTIONS = [0.21, 0.5];
/**
 * Over manufactured knots (stride > 1) the error is no longer symmetric within a knot interval: both flanks.
 * With stride 3 the midpoint of the middle interval is the midpoint of the coarse interval, where the
 * degree-7 polynomial's error peaks.
 */
const STRIDED_SAMPLE_FRACTIONS = [0.21, 0.5, 0.79];
/**
 * Tabulated objects: the exact states are a piecewise interpolation (new polynomial at each sample, J2 extension
 * past the end), whose Hermite error need not peak where a cubic's does; nine points per interval, few objects.
 */
const TABULATED_SAMPLE_FRACTIONS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export function createInterpolationErrors(n: number): InterpolationErrors {
  return {
    positionKm: new Float64Array(n),
    velocityKmS: new Float64Array(n),
    errorNumber: new Uint8Array(n),
    errorAtUnixMs: new Float64Array(n),
  };
}

/** Copy the measured entries of `from` (objects of slice `slice`) into `into`. */
export function mergeInterpolationErrors(
  plan: ScreeningPlan,
  into: InterpolationErrors,
  from: InterpolationErrors,
  slice: number,
  sliceCount: number,
): void {
  for (let g = slice; g < plan.groups.length; g += sliceCount) {
    const group = plan.groups[g] as ScreeningPlan['groups'][number];
    for (const i of group.members) {
      into.positionKm[i] = from.positionKm[i] as number;
      into.velocityKmS[i] = from.velocityKmS[i] as number;
      into.errorNumber[i] = from.errorNumber[i] as number;
      into.errorAtUnixMs[i] = from.errorAtUnixMs[i] as number;
    }
  }
}

/**
 * Measure the error of the interpolant the sweep uses (knots at window start + k·gap, from the same knot
 * source) against exact states at interior points, over one full orbit from the window start (so perigee is
 * included whatever the eccentricity; the whole window for tabulated objects), for the knot groups of slice
 * `slice`; store padded bounds in `into`.
 */
export function measureInterpolationErrors(
  plan: ScreeningPlan,
  states: ExactStates,
  filler: KnotFiller,
  slice: number,
  sliceCount: number,
  into: InterpolationErrors,
): void {
  const exact = new Float64Array(6);
  const interp = new Float64Array(6);
  // Slice s measures groups s, s + sliceCount, ...; the filler key is the group index, so the bulk
  // propagator built here is the one the chunks reuse.
  for (let g = slice; g < plan.groups.length; g += sliceCount) {
    const group = plan.groups[g] as ScreeningPlan['groups'][number];
    measureBatch(
      plan,
      states,
      filler,
      group.members,
      group,
      group.orbitIntervals,
      g,
      into,
      exact,
      interp,
      group.tabulated
        ? TABULATED_SAMPLE_FRACTIONS
        : group.sgp4Stride > 1
          ? STRIDED_SAMPLE_FRACTIONS
          : SAMPLE_FRACTIONS,
    );
  }
}

function measureBatch(
  plan: ScreeningPlan,
  states: ExactStates,
  filler: KnotFiller,
  members: Int32Array,
  group: KnotGridGroup,
  intervals: number,
  fillerKey: number,
  into: InterpolationErrors,
  exact: Float64Array,
  interp: Float64Array,
  fractions: readonly number[],
): void {
  {
    const gapMs = group.gapS * 1000;
    const m = members.length;
    const knots = new Float64Array(m * (intervals + 1) * 6);
    const knotErr = new Uint8Array(m * (intervals + 1));
    const key = fillerKey;
    // Knot intervals a chunk can read: those starting before the window end.
    const neededIntervals = Math.ceil((plan.endUnixMs - plan.startUnixMs) / gapMs);
    fillKnotGrid(filler, key, group, members, plan.startUnixMs, 0, intervals + 1, knots, knotErr);
    // Exact states at interior points come from the filler itself (never manufactured).
    const samples = fractions.map((tau) => {
      const out = new Float64Array(m * intervals * 6);
      const errs = new Uint8Array(m * intervals);
      filler.fill(key, members, plan.startUnixMs + tau * gapMs, group.gapS, 0, intervals, out, errs);
      return { tau, out, errs };
    });
    for (let k = 0; k < m; k++) {
      const i = members[k] as number;
      if ((states.initError[i] as number) !== 0) {
        into.errorNumber[i] = states.initError[i] as number;
        into.errorAtUnixMs[i] = plan.startUnixMs;
        continue;
      }
      let maxPos = 0;
      let maxVel = 0;
      let failed = false;
      // Intervals measured: up to the first failed knot. A failure past the knots the window needs (a window
      // shorter than the orbit measured, an object decaying after the window end) ends the measurement there
      // without excluding the object; the intervals the sweep uses are all measured.
      let measured = intervals;
      for (let t = 0; t <= intervals && !failed; t++) {
        const code = knotErr[k * (intervals + 1) + t] as number;
        if (code === 0) continue;
        if (t > neededIntervals) {
          measured = t - 1;
          break;
        }
        into.errorNumber[i] = code;
        into.errorAtUnixMs[i] = plan.startUnixMs + t * gapMs;
        failed = true;
      }
      for (let t = 0; t < measured && !failed; t++) {
        for (const sample of samples) {
          const code = sample.errs[k * intervals + t] as number;
          if (code !== 0 && t >= neededIntervals) {
            measured = t;
            break;
          }
          if (code !== 0) {
            into.errorNumber[i] = code;
            into.errorAtUnixMs[i] = plan.startUnixMs + (t + sample.tau) * gapMs;
            failed = true;
            break;
          }
          hermiteState(knots, (k * (intervals + 1) + t) * 6, sample.tau, group.gapS, interp, 0);
          const o = (k * intervals + t) * 6;
          for (let c = 0; c < 6; c++) exact[c] = sample.out[o + c] as number;
          const dp = Math.hypot(
            (interp[0] as number) - (exact[0] as number),
            (interp[1] as number) - (exact[1] as number),
            (interp[2] as number) - (exact[2] as number),
          );
          const dv = Math.hypot(
            (interp[3] as number) - (exact[3] as number),
            (interp[4] as number) - (exact[4] as number),
            (interp[5] as number) - (exact[5] as number),
          );
          if (dp > maxPos) maxPos = dp;
          if (dv > maxVel) maxVel = dv;
        }
      }
      into.positionKm[i] = SAFETY_FACTOR * maxPos + POSITION_FLOOR_KM;
      into.velocityKmS[i] = SAFETY_FACTOR * maxVel + VELOCITY_FLOOR_KM_S;
    }
  }
}
