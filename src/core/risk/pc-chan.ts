import type { EncounterPlane } from './encounter-plane.js';
import { nonPositiveResult, remediatedSigmas } from './pc-foster.js';
import type { PcMethod, PcResult } from './pc-method.js';
import { shortEncounterWarnings } from './usage-checks.js';

/**
 * Chan (1997) series for the 2-D Pc (zeroth-order analytical expression; Chan, "Spacecraft Collision
 * Probability", Aerospace Press 2008, ch. 4), with the number of terms Chan recommends:
 *   u = R^2 / (sx sz),  v = xm^2/sx^2 + zm^2/sz^2,
 *   Pc = sum_{m=0}^{M-1} e^{-v/2} (v/2)^m / m! [1 - e^{-u/2} sum_{k=0}^{m} (u/2)^k / k!].
 * It replaces the ellipse and circle by an equal-area isotropic problem, so it drifts from the exact integral
 * when HBR is not small against the minor sigma or the miss is many sigmas away. Lengths in metres.
 */
export function pcChan(xmM: number, zmM: number, sigmaXM: number, sigmaZM: number, hbrM: number): number {
  const u = (hbrM * hbrM) / (sigmaXM * sigmaZM);
  const v = (xmM * xmM) / (sigmaXM * sigmaXM) + (zmM * zmM) / (sigmaZM * sigmaZM);
  let terms: number;
  if (u <= 0.01 || v <= 1) terms = 3;
  else if ((u > 0.01 && u <= 1) || (v > 1 && v <= 9)) terms = 10;
  else if ((u > 1 && u <= 25) || (v > 9 && v <= 25)) terms = 20;
  else terms = 60;
  const ev = Math.exp(-v / 2);
  const euv = Math.exp(-(u + v) / 2);
  let t = 1;
  let s = 1;
  let partial = 1;
  let value = ev * t - euv * t * partial;
  for (let m = 1; m < terms; m++) {
    t *= v / 2 / m;
    s *= u / 2 / m;
    partial += s;
    value += ev * t - euv * t * partial;
  }
  return value;
}

export const chanMethod: PcMethod = {
  name: 'chan',
  title: 'Chan (1997) series, equal-area isotropic approximation',
  assumptions: [
    'short encounter: rectilinear relative motion at constant velocity',
    'Gaussian, uncorrelated position errors; velocity errors neglected',
    'spherical objects (one combined hard-body circle)',
    'covariance ellipse and circle replaced by an equal-area isotropic problem (HBR small against the minor sigma)',
  ],
  compute(plane: EncounterPlane, hbrM: number): PcResult {
    const warnings = shortEncounterWarnings(plane, hbrM);
    const sigmas = remediatedSigmas(plane, hbrM);
    if (!sigmas) return nonPositiveResult('chan', plane, hbrM, warnings);
    if (hbrM > 0.5 * sigmas.sigmaMinorM) {
      warnings.push({
        code: 'CHAN_APPROXIMATION',
        message: `HBR ${hbrM} m is not small against the minor-axis sigma ${sigmas.sigmaMinorM.toPrecision(4)} m: Chan's series may differ from the exact integral (use foster)`,
      });
    }
    const pc = pcChan(plane.missMajorM, plane.missMinorM, sigmas.sigmaMajorM, sigmas.sigmaMinorM, hbrM);
    return { pc, method: 'chan', hbrM, missM: plane.missM, warnings };
  },
};
