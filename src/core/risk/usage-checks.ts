import { symmetricEigenvalues3 } from '../frames/matrix3.js';
import type { EncounterPlane } from './encounter-plane.js';
import type { PcWarning } from './pc-method.js';
import { erfcInverse } from './special-functions.js';

/** CARA's recommended cut-offs for the rectilinear usage-violation indicators (UsageViolationPc2D.m). */
export const EXTENDED_INDICATOR_LIMIT = 2e-2;
export const OFFSET_INDICATOR_LIMIT = 1e-2;
/** CARA ConjDurationGamma: the encounter spans the times where the Mahalanobis Q function is within erfc^-1(1e-16). */
const CONJUNCTION_DURATION_GAMMA = 1e-16;
const DURATION_SIGMAS = Math.SQRT2 * erfcInverse(CONJUNCTION_DURATION_GAMMA);

export interface ShortEncounterIndicators {
  /** Linear-motion encounter duration (s), CARA's 2*dtau. */
  readonly durationS: number;
  /** Time of minimum Mahalanobis distance relative to the given epoch (s). */
  readonly mahalanobisTcaS: number;
  /** Duration over the shorter orbital period (CARA "Extended"), capped at 1. */
  readonly extended: number;
  /** Largest offset of the encounter window from the epoch over the shorter period (CARA "Offset"), capped at 1. */
  readonly offset: number;
  readonly primaryCovarianceNpd: boolean;
  readonly secondaryCovarianceNpd: boolean;
  readonly combinedCovarianceNpd: boolean;
}

function inverse3(m: Float64Array): Float64Array | undefined {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return undefined;
  return Float64Array.of(
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  );
}

/**
 * CARA's rectilinear usage-violation indicators (UsageViolationPc2D.m, rectilinear part only; the curvilinear
 * refinement of CARA is not reproduced). Uses the states as given (nominal TCA), so call on the plane built
 * from the message states.
 */
export function shortEncounterIndicators(plane: EncounterPlane): ShortEncounterIndicators {
  const [p0] = symmetricEigenvalues3(plane.primaryCovarianceM2);
  const [s0] = symmetricEigenvalues3(plane.secondaryCovarianceM2);
  const [c0] = symmetricEigenvalues3(plane.combinedCovarianceM2);
  const inv = inverse3(plane.combinedCovarianceM2);
  const periodMin = Math.min(plane.primaryPeriodS, plane.secondaryPeriodS);
  let durationS = Number.NaN;
  let tcaS = Number.NaN;
  let extended = Number.NaN;
  let offset = Number.NaN;
  if (inv && c0 > 0) {
    // Relative position at the nominal epoch: undo the linear adjustment if it was applied.
    const v = plane.relativeVelocityMS;
    const r = plane.adjustedToLinearTca
      ? Float64Array.from(plane.relativePositionM, (x, k) => x - (v[k] ?? 0) * plane.tcaOffsetS)
      : plane.relativePositionM;
    let rAr = 0;
    let rAv = 0;
    let vAv = 0;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const aij = inv[i * 3 + j] ?? 0;
        rAr += (r[i] ?? 0) * aij * (r[j] ?? 0);
        rAv += (r[i] ?? 0) * aij * (v[j] ?? 0);
        vAv += (v[i] ?? 0) * aij * (v[j] ?? 0);
      }
    }
    void rAr;
    tcaS = vAv > 0 ? -rAv / vAv : 0;
    const sigmaT = 1 / Math.sqrt(vAv);
    const dtau = sigmaT * DURATION_SIGMAS;
    durationS = 2 * dtau;
    extended = Math.min(1, (2 * dtau) / periodMin);
    offset = Math.min(1, Math.max(Math.abs(tcaS - dtau), Math.abs(tcaS + dtau)) / periodMin);
  }
  return {
    durationS,
    mahalanobisTcaS: tcaS,
    extended,
    offset,
    primaryCovarianceNpd: !(p0 > 0),
    secondaryCovarianceNpd: !(s0 > 0),
    combinedCovarianceNpd: !(c0 > 0),
  };
}

/** Warnings shared by all encounter-plane methods. */
export function shortEncounterWarnings(plane: EncounterPlane, hbrM: number): PcWarning[] {
  const warnings: PcWarning[] = [];
  const ind = shortEncounterIndicators(plane);
  if (ind.primaryCovarianceNpd) {
    warnings.push({
      code: 'NPD_PRIMARY_COVARIANCE',
      message: 'primary position covariance is not positive definite',
    });
  }
  if (ind.secondaryCovarianceNpd) {
    warnings.push({
      code: 'NPD_SECONDARY_COVARIANCE',
      message: 'secondary position covariance is not positive definite',
    });
  }
  if (!(plane.eigenMinorM2 > 0)) {
    warnings.push({
      code: 'NPD_COVARIANCE',
      message: `combined covariance projected on the encounter plane is not positive definite (eigenvalues ${plane.eigenMajorM2.toExponential(3)}, ${plane.eigenMinorM2.toExponential(3)} m^2); eigenvalues clipped to (1e-4 HBR)^2 as CARA does`,
    });
  }
  if (ind.extended > EXTENDED_INDICATOR_LIMIT) {
    warnings.push({
      code: 'EXTENDED_ENCOUNTER',
      message: `encounter lasts ${ind.durationS.toFixed(1)} s, ${(ind.extended * 100).toFixed(2)} % of the shorter orbital period (limit ${EXTENDED_INDICATOR_LIMIT * 100} %): relative motion is not rectilinear, the 2-D Pc may be wrong (low relative speed or large covariance)`,
    });
  }
  if (ind.offset > OFFSET_INDICATOR_LIMIT) {
    warnings.push({
      code: 'OFFSET_ENCOUNTER',
      message: `encounter window reaches ${Math.max(Math.abs(ind.mahalanobisTcaS), 0).toFixed(1)} s from TCA, ${(ind.offset * 100).toFixed(2)} % of the shorter orbital period (limit ${OFFSET_INDICATOR_LIMIT * 100} %): the 2-D Pc may be wrong`,
    });
  }
  if (Math.abs(plane.tcaOffsetS) > 1) {
    warnings.push({
      code: 'TCA_OFFSET',
      message: `linear-motion closest approach is ${plane.tcaOffsetS.toFixed(3)} s from the stated TCA`,
    });
  }
  if (!(hbrM > 0)) {
    warnings.push({ code: 'ZERO_HBR', message: 'hard-body radius is zero: Pc is zero by definition' });
  }
  return warnings;
}
