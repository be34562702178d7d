import { err, ok, type Result } from '../result.js';
import { covarianceFactor } from './covariance-factor.js';
import type { ConjunctionStates, EncounterPlane } from './encounter-plane.js';
import type { PcResult, PcWarning } from './pc-method.js';
import { DEFAULT_MC_SEED, DEFAULT_MC_TRIALS, wilsonInterval } from './pc-monte-carlo.js';
import { SeededRandom } from './seeded-random.js';
import { EARTH_MU_M3_S2, TwoBodyOrbit } from './two-body-orbit.js';

/** Default scan resolution: hits were identical at 16 and 64 steps per period on the Alfano (2009) cases. */
export const DEFAULT_STEPS_PER_PERIOD = 32;

/**
 * Which trials count as hits. They differ only in trials whose separation is already below the HBR at the
 * window start (an encounter that began before the window; reported as `overlapAtStartTrials`):
 *  - `minimum`: the minimum separation over the closed window is at most the HBR, so those trials are hits.
 *    Alfano (2009): his case 9 value is about the entry value plus his "instantaneous probability" (the share of
 *    trials in contact at the window start).
 *  - `entry`: the separation falls to the HBR from outside within the window (a first contact in the window);
 *    a trial in contact at the start counts only if it separates and touches again inside the window. NASA
 *    CARA's two-body Monte Carlo (`Pc_MC_Kep2body_parallel`: times of first contact, initial overlaps counted
 *    apart), SDMC and the Pc3D_Hall collision-rate integral; Pc of adjacent windows then add up.
 */
export type TwoBodyHitCriterion = 'minimum' | 'entry';

export const TWO_BODY_HIT_CRITERIA: readonly TwoBodyHitCriterion[] = ['minimum', 'entry'];

/**
 * Two objects' 6-D states and 6x6 covariances at one sampling epoch, and the time window (relative to that
 * epoch) over which the closest approach is searched. Inertial frame; metres, metres per second.
 */
export interface TwoBodyEncounter {
  /** Position (m) then velocity (m/s), 6 values. */
  readonly primaryStateM: Float64Array;
  /** 6x6 row-major covariance (m^2, m^2/s, m^2/s^2). */
  readonly primaryCovariance: Float64Array;
  readonly secondaryStateM: Float64Array;
  readonly secondaryCovariance: Float64Array;
  /** Combined hard-body radius (m). */
  readonly hbrM: number;
  /** Encounter window start and end (s after the sampling epoch); the end must be after the start. */
  readonly windowStartS: number;
  readonly windowEndS: number;
}

export interface TwoBodyMonteCarloOptions {
  readonly trials?: number;
  readonly seed?: number;
  /** Two-sided confidence level of the Wilson interval (default 0.95). */
  readonly confidence?: number;
  /** Scan steps per orbital period of the shorter-period object (default 32); local minima are then refined. */
  readonly stepsPerPeriod?: number;
  /** Gravitational parameter (m^3/s^2), default EGM-96. */
  readonly muM3S2?: number;
  /** Hit criterion (default `minimum`), see {@link TwoBodyHitCriterion}. */
  readonly hitCriterion?: TwoBodyHitCriterion;
}

export interface TwoBodyMonteCarloResult {
  /** Hits over valid trials. */
  readonly pc: number;
  readonly hits: number;
  /** Valid trials (both sampled orbits elliptic). */
  readonly trials: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** Samples drawn on a non-elliptic orbit: excluded from the trials and reported. */
  readonly unboundSamples: number;
  /** Negative covariance eigenvalues clipped to zero before sampling (primary, secondary). */
  readonly primaryClippedEigenvalues: number;
  readonly secondaryClippedEigenvalues: number;
  /** Scan step (s) used. */
  readonly scanStepS: number;
  readonly hitCriterion: TwoBodyHitCriterion;
  /**
   * Valid trials already within the HBR at the window start: hits under `minimum`, not under `entry` (unless
   * they touch again). Over the trials, the instantaneous Pc at the window start (Alfano's "InstProb").
   */
  readonly overlapAtStartTrials: number;
}

export type TwoBodyMonteCarloCode =
  | 'BAD_COVARIANCE_SIZE'
  | 'NON_FINITE_INPUT'
  | 'BAD_WINDOW'
  | 'BAD_TRIALS'
  | 'BAD_HIT_CRITERION'
  | 'UNBOUND_ORBIT';

/**
 * Full Monte Carlo probability of collision (Alfano 2009; CARA's "simple dynamics" Monte Carlo, Hall 2021):
 * each trial draws both objects' 6-D states from their Gaussian covariances at the sampling epoch, propagates
 * each exactly on its own Kepler orbit over the window, and counts a hit when the minimum separation within the
 * window is below the combined hard-body radius. The separation is scanned at `period/stepsPerPeriod` and every
 * local minimum (and the window ends) refined by a safeguarded Newton iteration on d/dt |r|^2 = 2 r.v = 0, so long
 * encounters with several close approaches are handled; a trial counts once however many contacts it has.
 * Trials already in contact at the window start are hits or not by `hitCriterion`. No linearisation of the
 * motion, no encounter plane.
 * Assumptions: two-body dynamics (no drag, J2 or third bodies over the window), Gaussian uncorrelated state
 * errors at the sampling epoch, spherical objects. Seeded and reproducible; Wilson score interval.
 */
export function pcTwoBodyMonteCarlo(
  encounter: TwoBodyEncounter,
  options: TwoBodyMonteCarloOptions = {},
): Result<TwoBodyMonteCarloResult, TwoBodyMonteCarloCode> {
  const {
    primaryStateM: s1,
    secondaryStateM: s2,
    primaryCovariance: c1,
    secondaryCovariance: c2,
  } = encounter;
  if (s1.length !== 6 || s2.length !== 6 || c1.length !== 36 || c2.length !== 36) {
    return err(
      'BAD_COVARIANCE_SIZE',
      'two-body Monte Carlo needs 6-element states and 6x6 (36-element) covariances',
    );
  }
  for (const a of [s1, s2, c1, c2]) {
    for (const x of a)
      if (!Number.isFinite(x)) return err('NON_FINITE_INPUT', 'a state or covariance element is not finite');
  }
  const { windowStartS: t0, windowEndS: t1, hbrM } = encounter;
  if (!(Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0)) {
    return err(
      'BAD_WINDOW',
      `encounter window must have finite bounds with end > start, got [${t0}, ${t1}] s`,
    );
  }
  const trialsRequested = options.trials ?? DEFAULT_MC_TRIALS;
  if (!(Number.isInteger(trialsRequested) && trialsRequested > 0)) {
    return err('BAD_TRIALS', `trial count must be a positive integer, got ${trialsRequested}`);
  }
  const hitCriterion = options.hitCriterion ?? 'minimum';
  if (!TWO_BODY_HIT_CRITERIA.includes(hitCriterion)) {
    return err(
      'BAD_HIT_CRITERION',
      `hit criterion must be one of ${TWO_BODY_HIT_CRITERIA.join(', ')}, got '${String(hitCriterion)}'`,
    );
  }
  const mu = options.muM3S2 ?? EARTH_MU_M3_S2;
  const o1 = new TwoBodyOrbit(mu);
  const o2 = new TwoBodyOrbit(mu);
  if (!o1.setState(s1) || !o2.setState(s2)) {
    return err(
      'UNBOUND_ORBIT',
      'a nominal orbit is not elliptic: the Kepler propagation used here needs bound orbits',
    );
  }
  const stepsPerPeriod = options.stepsPerPeriod ?? DEFAULT_STEPS_PER_PERIOD;
  const windowS = t1 - t0;
  const steps = Math.max(2, Math.ceil(windowS / (Math.min(o1.periodS, o2.periodS) / stepsPerPeriod)));
  const h = windowS / steps;
  const f1 = covarianceFactor(c1, 6);
  const f2 = covarianceFactor(c2, 6);
  const random = new SeededRandom(options.seed ?? DEFAULT_MC_SEED);
  const level = options.confidence ?? 0.95;
  const hbr2 = hbrM * hbrM;

  const z = new Float64Array(6);
  const a1 = new Float64Array(6);
  const a2 = new Float64Array(6);
  const sample = (mean: Float64Array, factor: Float64Array, out: Float64Array): void => {
    for (let k = 0; k < 6; k++) z[k] = random.nextNormal();
    for (let i = 0; i < 6; i++) {
      let s = mean[i] ?? 0;
      for (let k = 0; k < 6; k++) s += (factor[i * 6 + k] ?? 0) * (z[k] ?? 0);
      out[i] = s;
    }
  };

  // Separation helpers on the two sampled orbits (positions only for the scan, full state for refinement).
  let rx = 0;
  let ry = 0;
  let rz = 0;
  const distance2 = (t: number): number => {
    o1.propagate(t);
    o2.propagate(t);
    rx = o1.x - o2.x;
    ry = o1.y - o2.y;
    rz = o1.z - o2.z;
    return rx * rx + ry * ry + rz * rz;
  };
  /** Half the derivative of |r|^2 (m^2/s) at t; also leaves the relative position in rx..rz. */
  let gPrime = 0;
  const rangeRate = (t: number): number => {
    distance2(t);
    const vx = o1.vx - o2.vx;
    const vy = o1.vy - o2.vy;
    const vz = o1.vz - o2.vz;
    const r1 = Math.sqrt(o1.x * o1.x + o1.y * o1.y + o1.z * o1.z);
    const r2 = Math.sqrt(o2.x * o2.x + o2.y * o2.y + o2.z * o2.z);
    const k1 = -mu / (r1 * r1 * r1);
    const k2 = -mu / (r2 * r2 * r2);
    const ax = k1 * o1.x - k2 * o2.x;
    const ay = k1 * o1.y - k2 * o2.y;
    const az = k1 * o1.z - k2 * o2.z;
    gPrime = vx * vx + vy * vy + vz * vz + rx * ax + ry * ay + rz * az;
    return rx * vx + ry * vy + rz * vz;
  };
  /** Minimum of |r|^2 over [ta, tb] given that it is bracketed there (sign change of r.v or an end point). */
  const refine = (ta: number, tb: number): number => {
    const ga = rangeRate(ta);
    const da = rx * rx + ry * ry + rz * rz;
    if (ga >= 0) return da;
    const gb = rangeRate(tb);
    const db = rx * rx + ry * ry + rz * rz;
    if (gb <= 0) return db;
    let lo = ta;
    let hi = tb;
    let t = 0.5 * (ta + tb);
    for (let i = 0; i < 60; i++) {
      const g = rangeRate(t);
      if (g < 0) lo = t;
      else hi = t;
      let next = gPrime > 0 ? t - g / gPrime : Number.NaN;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - t) <= 1e-9 * Math.max(1, Math.abs(t)) || hi - lo <= 1e-9) {
        t = next;
        break;
      }
      t = next;
    }
    return distance2(t);
  };

  let hits = 0;
  let unbound = 0;
  let valid = 0;
  let overlapAtStart = 0;
  for (let trial = 0; trial < trialsRequested; trial++) {
    sample(s1, f1.factor, a1);
    sample(s2, f2.factor, a2);
    if (!o1.setState(a1) || !o2.setState(a2)) {
      unbound++;
      continue;
    }
    valid++;
    // Scan; a hit ends the trial early. `armed`: a separation above the HBR has been seen (always, for the
    // minimum criterion), so any later separation at or below it is a contact that began inside the window.
    let hit = false;
    let dPrev2 = Number.POSITIVE_INFINITY;
    let dPrev = distance2(t0);
    const insideAtStart = dPrev <= hbr2;
    if (insideAtStart) overlapAtStart++;
    let armed = !insideAtStart || hitCriterion === 'minimum';
    if (insideAtStart && armed) hit = true;
    for (let k = 1; k <= steps && !hit; k++) {
      const t = k === steps ? t1 : t0 + k * h;
      const d = distance2(t);
      if (!armed) {
        // Still in the contact that began before the window: its minimum is not a new contact. Exit and
        // re-entry within one scan cell (a local maximum above the HBR between two grid points) is not seen.
        armed = d > hbr2;
        dPrev2 = dPrev;
        dPrev = d;
        continue;
      }
      if (d <= hbr2) {
        hit = true;
        break;
      }
      // Local minimum at the previous grid point (or at the window start): refine in the surrounding cells.
      if (dPrev <= d && dPrev <= dPrev2) {
        const lo = k === 1 ? t0 : t0 + (k - 2) * h;
        if (refine(lo, t) <= hbr2) hit = true;
      }
      // Window end below its neighbour: the minimum may lie inside the last cell.
      if (!hit && k === steps && d < dPrev && refine(t0 + (k - 1) * h, t1) <= hbr2) hit = true;
      dPrev2 = dPrev;
      dPrev = d;
    }
    if (hit) hits++;
  }
  const ci = wilsonInterval(hits, Math.max(valid, 1), level);
  return ok({
    pc: valid > 0 ? hits / valid : Number.NaN,
    hits,
    trials: valid,
    low: ci.low,
    high: ci.high,
    level,
    unboundSamples: unbound,
    primaryClippedEigenvalues: f1.clippedEigenvalues,
    secondaryClippedEigenvalues: f2.clippedEigenvalues,
    scanStepS: h,
    hitCriterion,
    overlapAtStartTrials: overlapAtStart,
  });
}

/** Options of the `mc` Pc method: the Monte Carlo options plus the encounter window. */
export interface TwoBodyMonteCarloPcOptions extends TwoBodyMonteCarloOptions {
  /** Half-width of the window around TCA (s); default a quarter of the shorter orbital period (CARA SDMC). */
  readonly windowHalfWidthS?: number;
}

/**
 * The `mc` Pc method on conjunction states at TCA (km, km/s; 6x6 covariances in m, m/s): samples at TCA and
 * searches the window TCA +/- half-width. A 3x3 covariance is accepted with zero velocity uncertainty (and a
 * warning). The short-encounter checks do not apply (this method makes no short-encounter assumption).
 */
export function twoBodyMonteCarloPc(
  states: ConjunctionStates,
  plane: EncounterPlane,
  hbrM: number,
  options: TwoBodyMonteCarloPcOptions = {},
): PcResult {
  const warnings: PcWarning[] = [];
  const to6 = (c: Float64Array, who: string): Float64Array => {
    if (c.length === 36) return c;
    warnings.push({
      code: 'NO_VELOCITY_COVARIANCE',
      message: `${who} covariance is position-only: velocity uncertainty taken as zero`,
    });
    const out = new Float64Array(36);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i * 6 + j] = c[i * 3 + j] ?? 0;
    return out;
  };
  const stateM = (r: Float64Array, v: Float64Array): Float64Array =>
    Float64Array.of(
      (r[0] ?? 0) * 1000,
      (r[1] ?? 0) * 1000,
      (r[2] ?? 0) * 1000,
      (v[0] ?? 0) * 1000,
      (v[1] ?? 0) * 1000,
      (v[2] ?? 0) * 1000,
    );
  const halfWidthS = options.windowHalfWidthS ?? Math.min(plane.primaryPeriodS, plane.secondaryPeriodS) / 4;
  const mc = pcTwoBodyMonteCarlo(
    {
      primaryStateM: stateM(states.primaryPositionKm, states.primaryVelocityKmS),
      primaryCovariance: to6(states.primaryCovarianceM2, 'primary'),
      secondaryStateM: stateM(states.secondaryPositionKm, states.secondaryVelocityKmS),
      secondaryCovariance: to6(states.secondaryCovarianceM2, 'secondary'),
      hbrM,
      windowStartS: -halfWidthS,
      windowEndS: halfWidthS,
    },
    options,
  );
  if (!mc.ok) {
    warnings.push({ code: mc.code, message: mc.message });
    return { pc: Number.NaN, method: 'mc', hbrM, missM: plane.missM, warnings };
  }
  const r = mc.value;
  if (r.primaryClippedEigenvalues > 0 || r.secondaryClippedEigenvalues > 0) {
    warnings.push({
      code: 'NPD_COVARIANCE',
      message: `6x6 covariance not positive semi-definite (negative eigenvalues clipped to zero before sampling: primary ${r.primaryClippedEigenvalues}, secondary ${r.secondaryClippedEigenvalues})`,
    });
  }
  if (r.unboundSamples > 0) {
    warnings.push({
      code: 'UNBOUND_SAMPLES',
      message: `${r.unboundSamples} samples fell on non-elliptic orbits and were excluded from the trials`,
    });
  }
  if (r.overlapAtStartTrials > 0) {
    warnings.push({
      code: 'OVERLAP_AT_WINDOW_START',
      message: `${r.overlapAtStartTrials} of ${r.trials} trials were already within the HBR at the window start (the encounter began before the window): ${r.hitCriterion === 'minimum' ? 'counted as hits (hit criterion minimum)' : 'not counted unless they touch again within the window (hit criterion entry)'}; Pc depends on the window and the criterion`,
    });
  }
  if (r.hits < 10) {
    warnings.push({
      code: 'FEW_MC_HITS',
      message: `only ${r.hits} hits in ${r.trials} trials: the estimate is coarse, see the confidence interval`,
    });
  }
  if (!(hbrM > 0))
    warnings.push({ code: 'ZERO_HBR', message: 'hard-body radius is zero: Pc is zero by definition' });
  return {
    pc: r.pc,
    method: 'mc',
    hbrM,
    missM: plane.missM,
    warnings,
    confidenceInterval: { low: r.low, high: r.high, level: r.level },
    hits: r.hits,
    trials: r.trials,
    windowS: { start: -halfWidthS, end: halfWidthS },
    hitCriterion: r.hitCriterion,
  };
}
