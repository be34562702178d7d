import type { EncounterPlane } from './encounter-plane.js';
import { nonPositiveResult, remediatedSigmas } from './pc-foster.js';
import type { PcMethod, PcResult } from './pc-method.js';
import { SeededRandom } from './seeded-random.js';
import { normalQuantile } from './special-functions.js';
import { shortEncounterWarnings } from './usage-checks.js';

export interface MonteCarloOptions {
  readonly trials?: number;
  readonly seed?: number;
  /** Two-sided confidence level of the interval (default 0.95). */
  readonly confidence?: number;
}

export const DEFAULT_MC_TRIALS = 1_000_000;
export const DEFAULT_MC_SEED = 20_050_101;

/**
 * Wilson score interval for a binomial proportion (hits out of trials): better coverage than the normal
 * (Wald) interval for small counts, and never outside [0, 1].
 */
export function wilsonInterval(
  hits: number,
  trials: number,
  confidence = 0.95,
): { low: number; high: number } {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = hits / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Monte Carlo 2-D Pc: samples the relative position in the encounter plane from the Gaussian (principal
 * axes) and counts samples inside the hard-body circle. Seeded and reproducible.
 */
export function pcMonteCarlo2D(
  xmM: number,
  zmM: number,
  sigmaXM: number,
  sigmaZM: number,
  hbrM: number,
  options: MonteCarloOptions = {},
): { pc: number; hits: number; trials: number; low: number; high: number; level: number } {
  const trials = options.trials ?? DEFAULT_MC_TRIALS;
  const level = options.confidence ?? 0.95;
  const random = new SeededRandom(options.seed ?? DEFAULT_MC_SEED);
  const r2 = hbrM * hbrM;
  let hits = 0;
  for (let i = 0; i < trials; i++) {
    const x = xmM + sigmaXM * random.nextNormal();
    const z = zmM + sigmaZM * random.nextNormal();
    if (x * x + z * z <= r2) hits++;
  }
  const ci = wilsonInterval(hits, trials, level);
  return { pc: hits / trials, hits, trials, low: ci.low, high: ci.high, level };
}

export function monteCarloMethod(options: MonteCarloOptions = {}): PcMethod {
  return {
    name: 'mc2d',
    title: 'Monte Carlo in the encounter plane (seeded, Wilson confidence interval)',
    assumptions: [
      'short encounter: rectilinear relative motion at constant velocity',
      'Gaussian, uncorrelated position errors; velocity errors neglected',
      'spherical objects (one combined hard-body circle)',
      'sampling error: see the confidence interval',
    ],
    compute(plane: EncounterPlane, hbrM: number): PcResult {
      const warnings = shortEncounterWarnings(plane, hbrM);
      const sigmas = remediatedSigmas(plane, hbrM);
      if (!sigmas) return nonPositiveResult('mc2d', plane, hbrM, warnings);
      const mc = pcMonteCarlo2D(
        plane.missMajorM,
        plane.missMinorM,
        sigmas.sigmaMajorM,
        sigmas.sigmaMinorM,
        hbrM,
        options,
      );
      if (mc.hits < 10) {
        warnings.push({
          code: 'FEW_MC_HITS',
          message: `only ${mc.hits} hits in ${mc.trials} trials: the estimate is coarse, see the confidence interval`,
        });
      }
      return {
        pc: mc.pc,
        method: 'mc2d',
        hbrM,
        missM: plane.missM,
        warnings,
        confidenceInterval: { low: mc.low, high: mc.high, level: mc.level },
        hits: mc.hits,
        trials: mc.trials,
      };
    },
  };
}
