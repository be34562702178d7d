import { DEG, EARTH_RADIUS_KM, J2_EARTH, MU_EARTH_KM3_S2 } from './two-body-constants.js';

/**
 * Secular nodal regression from J2, deg/day (basis §6.4):
 * dΩ/dt = −(3/2) n J2 (R⊕/p)² cos i, n = √(μ/a³), p = a(1 − e²).
 * `aKm` semi-major axis, `inclinationDeg` in deg. Negative for prograde orbits (the node moves west).
 */
export function raanRateDegPerDay(aKm: number, eccentricity: number, inclinationDeg: number): number {
  const n = Math.sqrt(MU_EARTH_KM3_S2 / aKm ** 3);
  const p = aKm * (1 - eccentricity ** 2);
  const rateRadS = -1.5 * n * J2_EARTH * (EARTH_RADIUS_KM / p) ** 2 * Math.cos(inclinationDeg * DEG);
  return (rateRadS / DEG) * 86_400;
}

/** RAAN after `elapsedDays`, deg in [0, 360). */
export function raanAfterDeg(raanDeg: number, rateDegPerDay: number, elapsedDays: number): number {
  return (((raanDeg + rateDegPerDay * elapsedDays) % 360) + 360) % 360;
}
