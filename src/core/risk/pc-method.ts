import type { EncounterPlane } from './encounter-plane.js';
import type { TwoBodyHitCriterion } from './pc-monte-carlo-two-body.js';

/** Pc methods Concord implements. */
export type PcMethodName = 'foster' | 'chan' | 'mc' | 'mc2d' | 'max';

/** A run-time finding that the method's assumptions may not hold (or that an input was remediated). */
export interface PcWarning {
  /** Stable code, e.g. `NPD_COVARIANCE`, `EXTENDED_ENCOUNTER`, `OFFSET_ENCOUNTER`, `CHAN_APPROXIMATION`. */
  readonly code: string;
  readonly message: string;
}

/** Result of one Pc evaluation. */
export interface PcResult {
  /** Probability of collision (dimensionless, 0..1); NaN when it cannot be computed (see warnings). */
  readonly pc: number;
  readonly method: PcMethodName;
  /** Combined hard-body radius used (m). */
  readonly hbrM: number;
  /** Miss distance used (m). */
  readonly missM: number;
  readonly warnings: PcWarning[];
  /** Monte Carlo only: confidence interval on pc. */
  readonly confidenceInterval?: { readonly low: number; readonly high: number; readonly level: number };
  /** Monte Carlo only: hits and trials. */
  readonly hits?: number;
  readonly trials?: number;
  /** Two-body Monte Carlo only: encounter window searched, seconds from TCA. */
  readonly windowS?: { readonly start: number; readonly end: number };
  /** Two-body Monte Carlo only: which trials counted as hits. */
  readonly hitCriterion?: TwoBodyHitCriterion;
  /** Maximum-Pc only: combined sigma (m) at which Pc is largest, i.e. the dilution threshold. */
  readonly dilutionThresholdM?: number;
}

/**
 * One way of computing Pc from the 2-D encounter plane.
 *
 * Every method here shares the short-encounter assumptions (Foster 1992; Chan 1997; Alfano 2005):
 *  - the encounter is short: relative motion is rectilinear at constant velocity over the time the
 *    objects' uncertainty regions overlap, so the problem reduces to the plane normal to the relative velocity;
 *  - position errors are Gaussian, zero-mean, and the two objects' errors are uncorrelated, so the combined
 *    covariance is the sum; velocity uncertainty is neglected;
 *  - both objects are spheres, combined into one hard-body circle of radius HBR.
 * The run-time checks (`shortEncounterWarnings`) flag when the first one is doubtful (CARA's rectilinear
 * "extended" and "offset" usage-violation indicators) and when a covariance is not positive definite.
 *
 * Method-specific assumptions:
 *  - foster: none beyond the above; the integral over the circle is evaluated numerically (Gauss-Chebyshev
 *    64 points when the circle is small against the covariance, else adaptive Gauss-Kronrod), as CARA PcCircle.
 *  - chan: additionally replaces the covariance ellipse by the equal-area isotropic problem (Chan 1997 series
 *    with the term counts Chan recommends); accurate when HBR is small against the minor-axis sigma.
 *  - mc2d: samples the same Gaussian in the plane (seeded, reproducible) and counts hits; it verifies the
 *    integration, not the short-encounter assumption.
 *  - mc (not a plane method, see pc-monte-carlo-two-body.ts): samples both 6-D states and propagates them on
 *    exact Kepler orbits over a window; it makes none of the short-encounter assumptions (two-body dynamics
 *    over the window instead).
 *  - max: ignores any covariance; reports the largest Pc over all covariance sizes of an assumed shape
 *    (Alfano 2005), and the sigma at which it occurs (dilution threshold).
 */
export interface PcMethod {
  readonly name: PcMethodName;
  readonly title: string;
  readonly assumptions: readonly string[];
  compute(plane: EncounterPlane, hbrM: number): PcResult;
}
