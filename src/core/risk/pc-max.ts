import type { EncounterPlane } from './encounter-plane.js';
import { pcCircle } from './pc-foster.js';
import type { PcMethod, PcResult } from './pc-method.js';

/**
 * Maximum Pc when the covariance is unknown (Alfano 2005, "Relating position uncertainty to maximum
 * conjunction probability", J. Astronaut. Sci. 53(2); the "max probability" and "dilution threshold" that
 * CelesTrak SOCRATES reports).
 *
 * The combined covariance is assumed to have a fixed shape - aspect ratio AR = sigma_major / sigma_minor,
 * with the miss vector along the major axis (the orientation that gives the largest Pc) - and an unknown size
 * sigma (the major-axis sigma). Pc(sigma) rises from 0 (sigma -> 0), peaks, then falls as the uncertainty
 * "dilutes" the probability. The peak is the maximum Pc; the sigma at the peak is the dilution threshold:
 * with a real covariance larger than it, more uncertainty means a lower Pc.
 * Small-HBR closed form (for checking): sigma* = d / sqrt(2), Pc_max = AR R^2 / (e d^2).
 * The peak is found on the exact circle integral (pcCircle), so it holds for any HBR / miss ratio.
 */
export function maxPc2D(
  missM: number,
  hbrM: number,
  aspectRatio = 1,
): { pcMax: number; sigmaAtMaxM: number; minorSigmaAtMaxM: number } {
  if (!(hbrM > 0)) return { pcMax: 0, sigmaAtMaxM: Number.NaN, minorSigmaAtMaxM: Number.NaN };
  const d = Math.max(missM, 0);
  const f = (logSigma: number): number => {
    const s = Math.exp(logSigma);
    return pcCircle(d, 0, s, s / aspectRatio, hbrM);
  };
  // Golden-section search on log(sigma): Pc(sigma) is unimodal.
  let lo = Math.log(Math.max(hbrM, d) * 1e-4);
  let hi = Math.log(Math.max(hbrM, d) * 1e3);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 120 && hi - lo > 1e-10; i++) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    }
  }
  const best = 0.5 * (lo + hi);
  const sigma = Math.exp(best);
  return { pcMax: f(best), sigmaAtMaxM: sigma, minorSigmaAtMaxM: sigma / aspectRatio };
}

export function maxPcMethod(aspectRatio = 1): PcMethod {
  return {
    name: 'max',
    title: `Maximum Pc over unknown covariance size (Alfano 2005 dilution), aspect ratio ${aspectRatio}`,
    assumptions: [
      'short encounter: rectilinear relative motion at constant velocity',
      'covariance unknown: its shape is assumed (aspect ratio, miss along the major axis) and its size is the worst case',
      'spherical objects (one combined hard-body circle)',
    ],
    compute(plane: EncounterPlane, hbrM: number): PcResult {
      const { pcMax, sigmaAtMaxM } = maxPc2D(plane.missM, hbrM, aspectRatio);
      return {
        pc: pcMax,
        method: 'max',
        hbrM,
        missM: plane.missM,
        warnings: [
          {
            code: 'COVARIANCE_IGNORED',
            message: `maximum Pc over all covariance sizes (aspect ratio ${aspectRatio}); any covariance in the input is not used; dilution threshold ${sigmaAtMaxM.toPrecision(4)} m`,
          },
        ],
        dilutionThresholdM: sigmaAtMaxM,
      };
    },
  };
}
