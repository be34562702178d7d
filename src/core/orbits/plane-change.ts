import { DEG } from './two-body-constants.js';

/** Δv of a pure plane change by `deltaInclinationDeg` at speed `speedKmS`: 2 v sin(Δi/2), km/s (basis §6.3). */
export function planeChangeDeltaVKmS(deltaInclinationDeg: number, speedKmS: number): number {
  return 2 * speedKmS * Math.sin((Math.abs(deltaInclinationDeg) * DEG) / 2);
}

/**
 * Angle between two orbit planes, deg: cos θ = cos i1 cos i2 + sin i1 sin i2 cos ΔΩ (basis §6.3).
 * Inclinations and the RAAN difference in deg.
 */
export function planeAngleDeg(i1Deg: number, i2Deg: number, deltaRaanDeg: number): number {
  const c =
    Math.cos(i1Deg * DEG) * Math.cos(i2Deg * DEG) +
    Math.sin(i1Deg * DEG) * Math.sin(i2Deg * DEG) * Math.cos(deltaRaanDeg * DEG);
  return Math.acos(Math.min(1, Math.max(-1, c))) / DEG;
}
