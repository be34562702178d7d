import type { EncounterPlane } from './encounter-plane.js';
import { integrateAdaptive } from './gauss-kronrod.js';
import type { PcMethod, PcResult, PcWarning } from './pc-method.js';
import { erfDifference } from './special-functions.js';
import { shortEncounterWarnings } from './usage-checks.js';

/** Gauss-Chebyshev order of CARA PcCircle's default EstimationMode. */
const GC_ORDER = 64;
const GC_SIN = new Float64Array(GC_ORDER);
const GC_COS = new Float64Array(GC_ORDER);
for (let k = 1; k <= GC_ORDER; k++) {
  const theta = (k * Math.PI) / (GC_ORDER + 1);
  GC_SIN[k - 1] = Math.sin(theta);
  GC_COS[k - 1] = Math.cos(theta);
}
const SQRT_8PI = Math.sqrt(8 * Math.PI);
/** CARA's eigenvalue clipping factor: eigenvalues below (Fclip * HBR)^2 are raised to it. */
export const EIGEN_CLIP_FACTOR = 1e-4;

/**
 * Probability that a 2-D Gaussian with principal standard deviations sigmaXM (x) and sigmaZM (z), centred at
 * the miss (xmM, zmM) in its principal axes, falls inside the circle of radius hbrM about the origin
 * (Foster 1992; Alfano 2005; CARA PcCircle). One integral is done analytically with error functions:
 *   Pc = 1 / (sqrt(8 pi) sx) * Int_{xm-R}^{xm+R} exp(-x^2 / 2sx^2) [erf((zm+h)/(sqrt2 sz)) - erf((zm-h)/(sqrt2 sz))] dx,
 *   h = sqrt(R^2 - (x - xm)^2).
 * All lengths in metres. sigmaZM must be > 0.
 */
export function pcCircle(xmM: number, zmM: number, sigmaXM: number, sigmaZM: number, hbrM: number): number {
  if (hbrM === 0) return 0;
  if (hbrM === Number.POSITIVE_INFINITY) return 1;
  const xm = Math.abs(xmM);
  const zm = Math.abs(zmM);
  const dx = Math.SQRT2 * sigmaXM;
  const dz = Math.SQRT2 * sigmaZM;
  const xlo = xm - hbrM;
  const xhi = xm + hbrM;
  // Gauss-Chebyshev is accurate when the circle spans at most ~4 sigma along x (CARA's criterion).
  if (xlo > -4 * sigmaXM && xhi < Math.max(xlo, 0) + 4 * sigmaXM) {
    let sum = 0;
    for (let k = 0; k < GC_ORDER; k++) {
      const s = GC_SIN[k] ?? 0;
      const x = xm + hbrM * (GC_COS[k] ?? 0);
      const h = hbrM * s;
      const ex = x / dx;
      sum += s * Math.exp(-ex * ex) * erfDifference((zm + h) / dz, (zm - h) / dz);
    }
    return ((hbrM / (SQRT_8PI * sigmaXM)) * Math.PI * sum) / (GC_ORDER + 1);
  }
  // Large circle against the covariance: adaptive integration in x, clipped to +-8 sigma when the circle
  // straddles the centre (the Gaussian beyond carries < 1e-15 of the mass).
  let a = xlo;
  let b = xhi;
  if (xlo < 0) {
    a = Math.max(xlo, -8 * sigmaXM);
    b = Math.min(xhi, 8 * sigmaXM);
  }
  // Integrate in theta (x = xm + R cos(theta)): the half-chord R sin(theta) is smooth there, so the
  // square-root end points of the x form do not force deep bisection.
  const thetaLo = Math.acos(Math.min(1, Math.max(-1, (b - xm) / hbrM)));
  const thetaHi = Math.acos(Math.min(1, Math.max(-1, (a - xm) / hbrM)));
  const integrand = (theta: number): number => {
    const s = Math.sin(theta);
    const x = xm + hbrM * Math.cos(theta);
    const h = hbrM * s;
    const ex = x / dx;
    return hbrM * s * Math.exp(-ex * ex) * erfDifference((zm + h) / dz, (zm - h) / dz);
  };
  return integrateAdaptive(integrand, thetaLo, thetaHi, 1e-11) / (SQRT_8PI * sigmaXM);
}

/**
 * Principal sigmas of the plane after CARA's remediation: eigenvalues below (1e-4 HBR)^2 are clipped.
 * Returns undefined when both eigenvalues are non-positive (no Pc can be computed).
 */
export function remediatedSigmas(
  plane: EncounterPlane,
  hbrM: number,
): { sigmaMajorM: number; sigmaMinorM: number; remediated: boolean } | undefined {
  if (!(plane.eigenMajorM2 > 0)) return undefined;
  const clip = (EIGEN_CLIP_FACTOR * hbrM) ** 2;
  const major = Math.max(plane.eigenMajorM2, clip);
  const minor = Number.isFinite(plane.eigenMinorM2) ? Math.max(plane.eigenMinorM2, clip) : clip;
  return {
    sigmaMajorM: Math.sqrt(major),
    sigmaMinorM: Math.sqrt(minor),
    remediated: major !== plane.eigenMajorM2 || minor !== plane.eigenMinorM2,
  };
}

export function nonPositiveResult(
  method: PcResult['method'],
  plane: EncounterPlane,
  hbrM: number,
  warnings: PcWarning[],
): PcResult {
  warnings.push({
    code: 'NON_POSITIVE_COVARIANCE',
    message: 'both eigenvalues of the projected combined covariance are non-positive: no Pc can be computed',
  });
  return { pc: Number.NaN, method, hbrM, missM: plane.missM, warnings };
}

export const fosterMethod: PcMethod = {
  name: 'foster',
  title: 'Foster (1992) / Alfano (2005) 2-D integration over the hard-body circle (as CARA PcCircle)',
  assumptions: [
    'short encounter: rectilinear relative motion at constant velocity',
    'Gaussian, uncorrelated position errors; velocity errors neglected',
    'spherical objects (one combined hard-body circle)',
  ],
  compute(plane: EncounterPlane, hbrM: number): PcResult {
    const warnings = shortEncounterWarnings(plane, hbrM);
    const sigmas = remediatedSigmas(plane, hbrM);
    if (!sigmas) return nonPositiveResult('foster', plane, hbrM, warnings);
    const pc = pcCircle(plane.missMajorM, plane.missMinorM, sigmas.sigmaMajorM, sigmas.sigmaMinorM, hbrM);
    return { pc, method: 'foster', hbrM, missM: plane.missM, warnings };
  },
};
