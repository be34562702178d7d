import { rtnToInertialCovariance } from '../../../core/frames/rtn.js';
import { err, ok, type Result } from '../../../core/result.js';
import type { ConjunctionStates } from '../../../core/risk/encounter-plane.js';
import { parseIsoUtc } from '../../../core/time/iso-8601.js';
import type { UtcInstant } from '../../../core/time/time-scale.js';
import type { Cdm, CdmObject } from './cdm-message.js';
import { fieldValue } from './cdm-message.js';

/** Inertial frames whose states can be used directly with an RTN covariance. */
export const INERTIAL_FRAMES = new Set(['EME2000', 'GCRF', 'TEME', 'ICRF']);
/** Earth-fixed frames, accepted through {@link earthFixedToAlignedInertial}. */
export const EARTH_FIXED_FRAMES = new Set([
  'ITRF',
  'ITRF-93',
  'ITRF-97',
  'ITRF2000',
  'ITRF1993',
  'ITRF1997',
  'ITRF2005',
  'ITRF2008',
  'ITRF2014',
  'ITRF2020',
]);
/** Earth rotation rate (rad/s), IERS conventions. */
export const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;

/**
 * Earth-fixed state -> the inertial frame that coincides with the Earth-fixed axes at TCA: position unchanged,
 * velocity + omega x r. Pc depends only on the relative geometry, which is invariant under a rotation common to
 * both objects, so the remaining precession/nutation/sidereal rotation to EME2000 is not needed (polar motion,
 * a sub-arcsecond common rotation, is ignored for the same reason). The RTN covariance is then rotated with
 * this inertial state, as CARA does after its ECF-to-J2000 conversion.
 */
export function earthFixedToAlignedInertial(
  positionKm: Float64Array,
  velocityKmS: Float64Array,
): { positionKm: Float64Array; velocityKmS: Float64Array } {
  const w = EARTH_ROTATION_RAD_S;
  const [x = 0, y = 0] = positionKm;
  return {
    positionKm,
    velocityKmS: Float64Array.of(
      (velocityKmS[0] ?? 0) - w * y,
      (velocityKmS[1] ?? 0) + w * x,
      velocityKmS[2] ?? 0,
    ),
  };
}

export type CdmConjunctionCode = 'CDM_FRAME_UNSUPPORTED' | 'CDM_BAD_VALUE' | 'CDM_NO_RTN_COVARIANCE';

const RTN_ROWS = ['R', 'T', 'N', 'RDOT', 'TDOT', 'NDOT'] as const;

function num(object: CdmObject['stateVector'] | CdmObject['covarianceMatrix'], keyword: string): number {
  const v = fieldValue(object, keyword);
  return v === undefined ? Number.NaN : Number(v.replace(/[dD]/, 'e'));
}

/** TCA of the message (UTC). */
export function cdmTca(cdm: Cdm): UtcInstant | undefined {
  const text = fieldValue(cdm.relativeMetadataData, 'TCA');
  if (text === undefined) return undefined;
  const parsed = parseIsoUtc(text);
  return parsed.ok ? parsed.value : undefined;
}

/** State vector of an object at TCA: position km, velocity km/s, in the object's REF_FRAME. */
export function cdmObjectState(object: CdmObject): {
  positionKm: Float64Array;
  velocityKmS: Float64Array;
  frame: string;
} {
  const sv = object.stateVector;
  return {
    positionKm: Float64Array.of(num(sv, 'X'), num(sv, 'Y'), num(sv, 'Z')),
    velocityKmS: Float64Array.of(num(sv, 'X_DOT'), num(sv, 'Y_DOT'), num(sv, 'Z_DOT')),
    frame: fieldValue(object.metadata, 'REF_FRAME') ?? '',
  };
}

/** 6x6 RTN position/velocity covariance (m^2, m^2/s, m^2/s^2), row-major, symmetric, from the lower triangle. */
export function cdmRtnCovariance6(object: CdmObject): Float64Array {
  const c = new Float64Array(36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      const value = num(object.covarianceMatrix, `C${RTN_ROWS[i]}_${RTN_ROWS[j]}`);
      c[i * 6 + j] = value;
      c[j * 6 + i] = value;
    }
  }
  return c;
}

/**
 * Combined hard-body radius stated in the message (m): CDM 2.0 HBR of both objects summed when given per
 * object, else a `COMMENT HBR = <m>` line in the relative metadata (CARA's convention). Undefined if none.
 */
export function cdmStatedHbrM(cdm: Cdm): number | undefined {
  const perObject = cdm.objects.map((o) => fieldValue(o.additionalParameters, 'HBR'));
  if (perObject.some((v) => v !== undefined)) {
    return perObject.reduce((sum, v) => sum + (v === undefined ? 0 : Number(v)), 0);
  }
  // CARA writes `COMMENT HBR = 15 [m]` after the relative data, so it may be attached to OBJECT1's metadata.
  const comments = [...cdm.relativeMetadataData.comments, ...(cdm.objects[0]?.metadata.comments ?? [])];
  for (const comment of comments) {
    const m = /^HBR\s*=\s*([-+\d.eE]+)/.exec(comment.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * The two TCA states with inertial 6x6 covariances (m, m/s), ready for the encounter plane. The CDM RTN
 * covariance of each object is rotated with that object's own state. Both objects must be in one inertial
 * frame (EME2000, GCRF, ICRF or TEME); ITRF states are refused rather than approximated.
 */
export function cdmConjunctionStates(
  cdm: Cdm,
): Result<ConjunctionStates & { frame: string }, CdmConjunctionCode> {
  const [o1, o2] = cdm.objects;
  if (!o1 || !o2) return err('CDM_BAD_VALUE', 'the CDM does not hold two objects');
  const toInertial = (s: ReturnType<typeof cdmObjectState>) =>
    EARTH_FIXED_FRAMES.has(s.frame)
      ? { ...earthFixedToAlignedInertial(s.positionKm, s.velocityKmS), frame: `${s.frame} (inertial at TCA)` }
      : s;
  const s1 = toInertial(cdmObjectState(o1));
  const s2 = toInertial(cdmObjectState(o2));
  for (const [name, s] of [
    ['OBJECT1', s1],
    ['OBJECT2', s2],
  ] as const) {
    if (!INERTIAL_FRAMES.has(s.frame) && !s.frame.endsWith('(inertial at TCA)')) {
      return err(
        'CDM_FRAME_UNSUPPORTED',
        `${name} REF_FRAME = ${s.frame}: only EME2000, GCRF, ICRF, TEME and ITRF are supported for Pc`,
      );
    }
  }
  if (s1.frame !== s2.frame) {
    return err('CDM_FRAME_UNSUPPORTED', `objects are in different frames (${s1.frame}, ${s2.frame})`);
  }
  if (o1.covarianceMatrix.fields.length === 0 || o2.covarianceMatrix.fields.length === 0) {
    return err('CDM_NO_RTN_COVARIANCE', 'both objects need an RTN covariance (CR_R ... CNDOT_NDOT)');
  }
  const c1 = rtnToInertialCovariance(cdmRtnCovariance6(o1), s1.positionKm, s1.velocityKmS);
  const c2 = rtnToInertialCovariance(cdmRtnCovariance6(o2), s2.positionKm, s2.velocityKmS);
  return ok({
    frame: s1.frame,
    primaryPositionKm: s1.positionKm,
    primaryVelocityKmS: s1.velocityKmS,
    primaryCovarianceM2: c1,
    secondaryPositionKm: s2.positionKm,
    secondaryVelocityKmS: s2.velocityKmS,
    secondaryCovarianceM2: c2,
  });
}
