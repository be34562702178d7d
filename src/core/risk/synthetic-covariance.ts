import { cross3, dot3, norm3, vec3From } from '../frames/matrix3.js';
import { EARTH_MU_KM3_S2 } from './encounter-plane.js';

/**
 * Synthetic covariance for catalog element sets that carry none (TLE/OMM from the public catalog).
 *
 * Model (Concord's assumption, of the magnitude reported for SGP4/TLE errors by Flohrer, Krag and Klinkrad 2008,
 * "Assessment and categorization of TLE orbit errors for the US SSN catalogue", and Vallado 2008): independent
 * radial / transverse / normal position errors, each with a standard deviation that grows with the element-set
 * age (days from element-set epoch to TCA):
 *   sigma_i(age) = sigma0_i + rate_i * age + accel_i * age^2     (metres, i = R, T, N)
 * The transverse (along-track) term grows fastest (drag and mean-motion errors accumulate along track); the
 * quadratic term only applies in LEO, where drag dominates. Velocity sigmas follow from the position ones with
 * the mean motion n: sigma_Rdot = n sigma_T / 2, sigma_Tdot = 2 n sigma_R, sigma_Ndot = n sigma_N (two-body
 * error mapping at first order). Cross-correlations are zero.
 *
 * Every covariance it produces is flagged `synthetic: true`, and writers (CDM COMMENT lines, CLI output) must
 * carry that flag: a Pc from it is an indication, not an operational number.
 */
export type OrbitRegime = 'LEO' | 'MEO' | 'GEO' | 'HEO';

export interface SyntheticModelParameters {
  /** sigma at element-set epoch (m): R, T, N. */
  readonly sigma0M: readonly [number, number, number];
  /** growth rate (m/day): R, T, N. */
  readonly rateMPerDay: readonly [number, number, number];
  /** along-track quadratic growth (m/day^2), applied to T only. */
  readonly alongTrackAccelMPerDay2: number;
}

export const SYNTHETIC_MODEL: Readonly<Record<OrbitRegime, SyntheticModelParameters>> = {
  LEO: { sigma0M: [100, 300, 100], rateMPerDay: [30, 600, 30], alongTrackAccelMPerDay2: 150 },
  MEO: { sigma0M: [200, 600, 200], rateMPerDay: [30, 300, 30], alongTrackAccelMPerDay2: 0 },
  GEO: { sigma0M: [500, 1500, 500], rateMPerDay: [50, 500, 50], alongTrackAccelMPerDay2: 0 },
  HEO: { sigma0M: [500, 2000, 500], rateMPerDay: [100, 1500, 100], alongTrackAccelMPerDay2: 0 },
};

export const EARTH_RADIUS_KM = 6378.137;

/** Regime by perigee/apogee altitude (km) and period (min): LEO perigee < 2000 km and apogee < 2000 km, ... */
export function orbitRegime(
  perigeeAltitudeKm: number,
  apogeeAltitudeKm: number,
  periodMin: number,
): OrbitRegime {
  if (apogeeAltitudeKm < 2000) return 'LEO';
  const eccentricLike = apogeeAltitudeKm - perigeeAltitudeKm > 10_000;
  if (eccentricLike) return 'HEO';
  if (periodMin > 1300 && periodMin < 1800) return 'GEO';
  return perigeeAltitudeKm < 2000 ? 'HEO' : 'MEO';
}

/** Regime of an inertial state (km, km/s) from its osculating two-body elements. */
export function orbitRegimeFromState(positionKm: Float64Array, velocityKmS: Float64Array): OrbitRegime {
  const position = vec3From(positionKm);
  const velocity = vec3From(velocityKmS);
  const r = norm3(position);
  const v2 = dot3(velocity, velocity);
  const a = 1 / (2 / r - v2 / EARTH_MU_KM3_S2);
  const h = norm3(cross3(position, velocity));
  const e = Math.sqrt(Math.max(0, 1 - (h * h) / (EARTH_MU_KM3_S2 * a)));
  if (!(a > 0)) return 'HEO';
  const periodMin = (2 * Math.PI * Math.sqrt((a * a * a) / EARTH_MU_KM3_S2)) / 60;
  return orbitRegime(a * (1 - e) - EARTH_RADIUS_KM, a * (1 + e) - EARTH_RADIUS_KM, periodMin);
}

export interface SyntheticCovariance {
  readonly synthetic: true;
  readonly regime: OrbitRegime;
  readonly elementSetAgeDays: number;
  /** Position sigmas (m): R, T, N. */
  readonly sigmaRtnM: readonly [number, number, number];
  /** 6x6 RTN covariance, row-major (m^2, m^2/s, m^2/s^2). */
  readonly covarianceRtn: Float64Array;
  /** One-line description for COMMENT lines and reports. */
  readonly description: string;
}

/**
 * Synthetic RTN covariance for an element set of the given regime and age (days, absolute value used: an
 * element set used before its epoch is as uncertain as one used after). `meanMotionRadS` scales velocity sigmas.
 */
export function syntheticCovariance(
  regime: OrbitRegime,
  elementSetAgeDays: number,
  meanMotionRadS: number,
): SyntheticCovariance {
  const p = SYNTHETIC_MODEL[regime];
  const age = Math.abs(elementSetAgeDays);
  const sigma = (i: 0 | 1 | 2): number =>
    p.sigma0M[i] + p.rateMPerDay[i] * age + (i === 1 ? p.alongTrackAccelMPerDay2 * age * age : 0);
  const sR = sigma(0);
  const sT = sigma(1);
  const sN = sigma(2);
  const n = meanMotionRadS;
  const diag = [sR * sR, sT * sT, sN * sN, ((n * sT) / 2) ** 2, (2 * n * sR) ** 2, (n * sN) ** 2];
  const c = new Float64Array(36);
  diag.forEach((d, i) => {
    c[i * 6 + i] = d;
  });
  return {
    synthetic: true,
    regime,
    elementSetAgeDays,
    sigmaRtnM: [sR, sT, sN],
    covarianceRtn: c,
    description: `SYNTHETIC covariance (Concord model, ${regime}, element set age ${age.toFixed(2)} d): sigma R/T/N = ${sR.toFixed(0)}/${sT.toFixed(0)}/${sN.toFixed(0)} m`,
  };
}
