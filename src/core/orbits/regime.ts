import type { ElementSet } from './element-set.js';

/** Orbit regime of an object, from its mean elements. */
export type Regime = 'LEO' | 'MEO' | 'GEO' | 'HEO';

/** WGS-72 values, the constants SGP4 element sets are fitted with. */
const EARTH_MU_KM3_S2 = 398_600.8;
const EARTH_RADIUS_KM = 6_378.135;

export interface OrbitShape {
  readonly semiMajorAxisKm: number;
  readonly perigeeAltitudeKm: number;
  readonly apogeeAltitudeKm: number;
  readonly periodMin: number;
}

/**
 * Keplerian size of the orbit from the mean motion (rev/day). Kozai/Brouwer mean-motion differences
 * change the altitudes by a few km at most, which does not matter for classification.
 */
export function orbitShape(es: Pick<ElementSet, 'meanMotionRevPerDay' | 'eccentricity'>): OrbitShape {
  const nRadS = (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  const semiMajorAxisKm = Math.cbrt(EARTH_MU_KM3_S2 / (nRadS * nRadS));
  return {
    semiMajorAxisKm,
    perigeeAltitudeKm: semiMajorAxisKm * (1 - es.eccentricity) - EARTH_RADIUS_KM,
    apogeeAltitudeKm: semiMajorAxisKm * (1 + es.eccentricity) - EARTH_RADIUS_KM,
    periodMin: 1440 / es.meanMotionRevPerDay,
  };
}

/**
 * Regime classes (documented in the README):
 * - LEO: apogee altitude below 2,000 km;
 * - GEO: geosynchronous, mean motion 0.9–1.1 rev/day and eccentricity below 0.1 (inclined GSOs included);
 * - HEO: eccentricity 0.25 or more (Molniya, Tundra, GTO, highly elliptical science orbits);
 * - MEO: everything else (navigation constellations, 2,000 km up to below GEO, mildly eccentric orbits).
 */
export function classifyRegime(es: Pick<ElementSet, 'meanMotionRevPerDay' | 'eccentricity'>): Regime {
  const shape = orbitShape(es);
  if (shape.apogeeAltitudeKm < 2_000) return 'LEO';
  if (es.meanMotionRevPerDay >= 0.9 && es.meanMotionRevPerDay <= 1.1 && es.eccentricity < 0.1) return 'GEO';
  if (es.eccentricity >= 0.25) return 'HEO';
  return 'MEO';
}

/** Regime of an inertial state (km, km/s) from its osculating mean motion and eccentricity (same classes). */
export function classifyRegimeFromState(
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
): Regime {
  const [x = 0, y = 0, z = 0] = [positionKm[0], positionKm[1], positionKm[2]];
  const [vx = 0, vy = 0, vz = 0] = [velocityKmS[0], velocityKmS[1], velocityKmS[2]];
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const a = 1 / (2 / r - v2 / EARTH_MU_KM3_S2);
  if (!(a > 0)) return 'HEO';
  const h2 = (y * vz - z * vy) ** 2 + (z * vx - x * vz) ** 2 + (x * vy - y * vx) ** 2;
  const eccentricity = Math.sqrt(Math.max(0, 1 - h2 / (EARTH_MU_KM3_S2 * a)));
  const meanMotionRevPerDay = (86_400 / (2 * Math.PI)) * Math.sqrt(EARTH_MU_KM3_S2 / (a * a * a));
  return classifyRegime({ meanMotionRevPerDay, eccentricity });
}
