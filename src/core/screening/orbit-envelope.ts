import type { ElementSet } from '../orbits/element-set.js';

/** WGS-72 constants, the ones SGP4 element sets are fitted with. */
export const MU_KM3_S2 = 398_600.8;
export const EARTH_RADIUS_KM = 6_378.135;
const J2 = 0.001082616;

/**
 * What the screening needs to know about one orbit before propagating it: its radial shell, the largest speed
 * and acceleration it can have (for the rigorous candidate bound) and the knot gap for its interpolant.
 */
export interface OrbitEnvelope {
  /** Mean-element perigee and apogee radii, km (Brouwer semi-major axis from the un-Kozai'd mean motion). */
  readonly perigeeRadiusKm: number;
  readonly apogeeRadiusKm: number;
  /** Padding, km, to add on both sides of the shell so it contains the osculating SGP4 radius over the window. */
  readonly shellPaddingKm: number;
  readonly periodS: number;
  /** Upper bound of the inertial speed over the orbit (vis-viva at the padded perigee, +2 %), km/s. */
  readonly maxSpeedKmS: number;
  /** Upper bound of the acceleration of the SGP4 trajectory (central gravity at the padded perigee, +10 %), km/s². */
  readonly maxAccelKmS2: number;
  /** Gap between interpolation knots, s: about 1/20 of the time the orbit needs to turn one radian at perigee × 2π. */
  readonly knotGapS: number;
  /** Knots per SGP4 state: 1, or n when the knots between SGP4 states are manufactured (`septic-knots.ts`). */
  readonly sgp4Stride: number;
}

/** Knot gaps are multiples of this (s), so objects share propagation batches. */
const KNOT_QUANTUM_S = 15;
/** Longest gap between two SGP4 knots when every knot is one, s. */
const MAX_KNOT_GAP_S = 1800;
/**
 * Orbits more eccentric than this keep every knot an SGP4 state: near perigee the state changes too fast
 * for a polynomial spanning four coarse gaps.
 */
export const SEPTIC_MAX_ECCENTRICITY = 0.1;

/**
 * Knot gap, s, for an orbit turning at most `perigeeRateRadS` with period `periodS`: 16 knots per turn keeps the
 * measured Hermite error near 1 km in LEO (it scales as gap⁴); deep-space orbits are large, so twice as many.
 * `knotDensity` < 1 trades knots for padding (one-vs-all secondaries). Multiples of 15 s, 30 s to 1800 s.
 */
export function knotGapFor(
  perigeeRateRadS: number,
  periodS: number,
  knotDensity = 1,
  maxGapS = MAX_KNOT_GAP_S,
): number {
  const deepSpace = periodS >= 225 * 60;
  const knotsPerTurn = (deepSpace ? 32 : 16) * knotDensity;
  const rawGapS = (2 * Math.PI) / (perigeeRateRadS * knotsPerTurn);
  return Math.min(Math.max(Math.floor(rawGapS / KNOT_QUANTUM_S) * KNOT_QUANTUM_S, 30), maxGapS);
}

/**
 * Envelope of an element set over a window of `windowDays` (`knotDensity` scales the interpolation knots per
 * orbit, of which one in `sgp4Stride` is an SGP4 state). The shell padding covers the SGP4 short-period
 * terms (J2 radial oscillation ≈ 1.5·J2·Re²/p, below 12 km in LEO), long-period eccentricity changes
 * and the decay implied by the mean-motion derivative over the window, with a 30 km safety margin. SGP4 ignores
 * that derivative and decays with B*, so for near-Earth element sets this shell is not a bound on SGP4's radius
 * (old element sets with large B* go below it): the shell filter uses `radial-range.ts` instead.
 */
export function orbitEnvelope(
  es: ElementSet,
  windowDays: number,
  knotDensity = 1,
  sgp4Stride = 1,
  eccentricKnotDensity = knotDensity,
): OrbitEnvelope {
  const nRadS = (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  const e = Math.min(Math.max(es.eccentricity, 0), 0.999);
  // Un-Kozai the mean motion as SGP4 does (its semi-major axis is a few km smaller than the Kepler one).
  const a1 = Math.cbrt(MU_KM3_S2 / (nRadS * nRadS)) / EARTH_RADIUS_KM;
  const cosi = Math.cos((es.inclinationDeg * Math.PI) / 180);
  const temp = (1.5 * J2 * (3 * cosi * cosi - 1)) / (1 - e * e) ** 1.5;
  let del = temp / (a1 * a1);
  const a0 = a1 * (1 - del * (1 / 3 + del * (1 + (134 / 81) * del)));
  del = temp / (a0 * a0);
  const nUnKozai = nRadS / (1 + del);
  const aKm = Math.cbrt(MU_KM3_S2 / (nUnKozai * nUnKozai));
  const perigeeRadiusKm = aKm * (1 - e);
  const apogeeRadiusKm = aKm * (1 + e);
  const p = Math.max(aKm * (1 - e * e), EARTH_RADIUS_KM * 0.5);
  const shortPeriodKm = (3 * J2 * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / p;
  // Decay: da/dt = -(2/3)·a·ṅ/n with ṅ = 2·MEAN_MOTION_DOT (rev/day²); counted over the window, doubled.
  const nDotRevPerDay2 = 2 * Math.abs(es.meanMotionDotRevPerDay2);
  const decayKm = ((2 / 3) * aKm * nDotRevPerDay2 * windowDays * 2) / Math.max(es.meanMotionRevPerDay, 1e-6);
  const shellPaddingKm = 30 + 2 * shortPeriodKm + 0.002 * aKm + decayKm;
  const rMin = Math.max(perigeeRadiusKm - shellPaddingKm, EARTH_RADIUS_KM - 100);
  const maxSpeedKmS = 1.02 * Math.sqrt(MU_KM3_S2 * (2 / rMin - 1 / (aKm + shellPaddingKm)));
  const maxAccelKmS2 = (1.1 * MU_KM3_S2) / (rMin * rMin);
  const periodS = (2 * Math.PI) / nUnKozai;
  // Angular rate at perigee is n·(1+e)²/(1−e²)^1.5: eccentric orbits need denser knots.
  const perigeeRateRadS = (nUnKozai * (1 + e) * (1 + e)) / (1 - e * e) ** 1.5;
  // `knotDensity` counts interpolation knots, one in `sgp4Stride` of them an SGP4 state. Eccentric orbits
  // (every knot an SGP4 state) take `eccentricKnotDensity`.
  const septic = e <= SEPTIC_MAX_ECCENTRICITY;
  const stride = septic ? sgp4Stride : 1;
  const density = septic ? knotDensity / stride : eccentricKnotDensity;
  const sgp4GapS = knotGapFor(perigeeRateRadS, periodS, density, MAX_KNOT_GAP_S * stride);
  const knotGapS = sgp4GapS / stride;
  return {
    perigeeRadiusKm,
    apogeeRadiusKm,
    shellPaddingKm,
    periodS,
    maxSpeedKmS,
    maxAccelKmS2,
    knotGapS,
    sgp4Stride: stride,
  };
}
