import { MU_EARTH_KM3_S2 } from './two-body-constants.js';

/** Mean motion of a circular orbit of radius `rKm`, rad/s. */
export function meanMotionRadS(rKm: number, muKm3S2 = MU_EARTH_KM3_S2): number {
  return Math.sqrt(muKm3S2 / rKm ** 3);
}

/**
 * Time to close a phase angle `phaseAngleDeg` (target ahead of the chaser, deg in [0, 360)) with the chaser on
 * a lower circular orbit: t = Δθ / (n_c − n_t), s (basis §6.5). Returns `undefined` when the chaser is not
 * lower (it would never catch up from behind).
 */
export function phasingTimeS(
  phaseAngleDeg: number,
  chaserRadiusKm: number,
  targetRadiusKm: number,
): number | undefined {
  const dn = meanMotionRadS(chaserRadiusKm) - meanMotionRadS(targetRadiusKm);
  if (dn <= 0) return undefined;
  const phase = ((((phaseAngleDeg % 360) + 360) % 360) * Math.PI) / 180;
  return phase / dn;
}

/** Synodic period between two circular orbits (the longest phasing wait), s. */
export function synodicPeriodS(r1Km: number, r2Km: number): number {
  return (2 * Math.PI) / Math.abs(meanMotionRadS(r1Km) - meanMotionRadS(r2Km));
}
