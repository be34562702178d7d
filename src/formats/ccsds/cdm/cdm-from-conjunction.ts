import { inertialToRtnVector } from '../../../core/frames/rtn.js';
import type { Cdm, CdmField, CdmObject } from './cdm-message.js';
import { emptyObject, emptyPart } from './cdm-message.js';

/** One party of a conjunction found by screening (states at TCA, frame of the input). */
export interface ConjunctionParty {
  readonly objectDesignator: string;
  readonly objectName: string;
  readonly internationalDesignator: string;
  /**
   * Position at TCA (km) and velocity (km/s), in the conjunction's frame, and the 6x6 RTN covariance (row-major,
   * m^2, m^2/s, m^2/s^2). Absent only when the object could not be brought to TCA: the CDM then lacks its state
   * vector and covariance (and is incomplete).
   */
  readonly positionKm?: Float64Array;
  readonly velocityKmS?: Float64Array;
  readonly covarianceRtn?: Float64Array;
  /** True when the covariance is Concord's synthetic model rather than an orbit-determination product. */
  readonly covarianceSynthetic: boolean;
  /** One line saying where the covariance comes from (written as COMMENT). */
  readonly covarianceDescription: string;
  readonly objectType?: 'PAYLOAD' | 'ROCKET BODY' | 'DEBRIS' | 'UNKNOWN' | 'OTHER';
  readonly maneuverable?: 'YES' | 'NO' | 'N/A';
  /** EPHEMERIS_NAME (default NONE: the state comes from the public catalog). */
  readonly ephemerisName?: string;
  /** Epoch of the element set the state was propagated from (UTC ISO), written as COMMENT. */
  readonly elementSetEpochUtc?: string;
  /** Where the state comes from (written as COMMENT), e.g. the ephemeris file and its interpolation. */
  readonly stateSource?: string;
}

/**
 * A conjunction as the screening engine reports it, for writing a CDM (the screening result type is adapted to
 * this plain interface by the caller).
 */
export interface ConjunctionForCdm {
  readonly messageId: string;
  readonly originator: string;
  readonly creationDateUtc: string;
  readonly messageFor?: string;
  /** CONJUNCTION_ID (CDM 2.0 keyword), when the conjunction has a stable identity. */
  readonly conjunctionId?: string;
  /** TCA, ISO-8601 UTC (written with millisecond precision as CDMs use). */
  readonly tcaUtc: string;
  /** Inertial frame of the states: TEME (SGP4 output), GCRF or EME2000. */
  readonly frame: 'TEME' | 'GCRF' | 'EME2000';
  readonly missDistanceM: number;
  readonly relativeSpeedMS: number;
  readonly pc?: number;
  /** Concord method name (foster, chan, mc, max). */
  readonly pcMethod?: string;
  readonly hbrM?: number;
  /** Where the hard-body radius comes from (written as COMMENT), e.g. "default 5 m per object (assumed)". */
  readonly hbrSource?: string;
  /** Header comments. */
  readonly comments?: readonly string[];
  /** Comments of the relative metadata/data part. */
  readonly relativeComments?: readonly string[];
  /** False: no relative position and velocity, even from the states (default true). */
  readonly relativeState?: boolean;
  /** Relative position in the primary's RTN frame (m), used when the states at TCA are missing. */
  readonly relativePositionRtnM?: readonly [number, number, number];
  readonly primary: ConjunctionParty;
  readonly secondary: ConjunctionParty;
}

const PC_METHOD_CCSDS: Readonly<Record<string, string>> = {
  foster: 'FOSTER-1992',
  chan: 'CHAN-1997',
  mc: 'MONTE_CARLO',
  max: 'ALFANO-2005-MAX',
};

const RTN = ['R', 'T', 'N', 'RDOT', 'TDOT', 'NDOT'] as const;

function f(keyword: string, value: string): CdmField {
  return { keyword, value, line: 0 };
}

/** Shortest text that reads back to the same double. */
function num(x: number): string {
  return String(x);
}

function objectPart(party: ConjunctionParty, label: 'OBJECT1' | 'OBJECT2', frame: string): CdmObject {
  const o = emptyObject();
  o.metadata.fields.push(
    f('OBJECT', label),
    f('OBJECT_DESIGNATOR', party.objectDesignator),
    f('CATALOG_NAME', 'SATCAT'),
    f('OBJECT_NAME', party.objectName),
    f('INTERNATIONAL_DESIGNATOR', party.internationalDesignator),
    ...(party.objectType ? [f('OBJECT_TYPE', party.objectType)] : []),
    f('EPHEMERIS_NAME', party.ephemerisName ?? 'NONE'),
    f('COVARIANCE_METHOD', party.covarianceSynthetic ? 'DEFAULT' : 'CALCULATED'),
    f('MANEUVERABLE', party.maneuverable ?? 'N/A'),
    f('REF_FRAME', frame),
  );
  if (party.elementSetEpochUtc)
    o.stateVector.comments.push(`State propagated from element set of ${party.elementSetEpochUtc} UTC`);
  if (party.stateSource) o.stateVector.comments.push(party.stateSource);
  if (!party.positionKm || !party.velocityKmS || !party.covarianceRtn) return o;
  const [x = 0, y = 0, z = 0] = party.positionKm;
  const [vx = 0, vy = 0, vz = 0] = party.velocityKmS;
  o.stateVector.fields.push(
    f('X', num(x)),
    f('Y', num(y)),
    f('Z', num(z)),
    f('X_DOT', num(vx)),
    f('Y_DOT', num(vy)),
    f('Z_DOT', num(vz)),
  );
  if (party.covarianceSynthetic) {
    o.covarianceMatrix.comments.push(
      'SYNTHETIC COVARIANCE: not an orbit-determination product; Pc from it is indicative only',
    );
  }
  o.covarianceMatrix.comments.push(party.covarianceDescription);
  const cov = party.covarianceRtn;
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      o.covarianceMatrix.fields.push(f(`C${RTN[i]}_${RTN[j]}`, num(cov[i * 6 + j] ?? 0)));
    }
  }
  return o;
}

/**
 * Writes a conjunction as a CDM (CCSDS 508.0-B-1 keywords). Relative position and velocity are given in the
 * primary's RTN frame (secondary minus primary, m and m/s). Synthetic covariances are flagged with COMMENT
 * lines and COVARIANCE_METHOD = DEFAULT. The message is for `messageFor`; write one per party by swapping
 * primary and secondary.
 */
export function cdmFromConjunction(input: ConjunctionForCdm): Cdm {
  const header = emptyPart('header');
  header.fields.push(
    f('CCSDS_CDM_VERS', '1.0'),
    f('CREATION_DATE', input.creationDateUtc),
    f('ORIGINATOR', input.originator),
    ...(input.messageFor ? [f('MESSAGE_FOR', input.messageFor)] : []),
    f('MESSAGE_ID', input.messageId),
  );
  header.comments.push(...(input.comments ?? []));
  const rel = emptyPart('relativeMetadataData');
  rel.comments.push(...(input.relativeComments ?? []));
  const p = input.primary;
  const s = input.secondary;
  rel.fields.push(
    ...(input.conjunctionId ? [f('CONJUNCTION_ID', input.conjunctionId)] : []),
    f('TCA', input.tcaUtc),
    f('MISS_DISTANCE', num(input.missDistanceM)),
    f('RELATIVE_SPEED', num(input.relativeSpeedMS)),
  );
  const relative = input.relativeState !== false;
  if (relative && p.positionKm && p.velocityKmS && s.positionKm && s.velocityKmS) {
    const pr = p.positionKm;
    const pv = p.velocityKmS;
    const dr = Float64Array.from(s.positionKm, (v, k) => (v - (pr[k] ?? 0)) * 1000);
    const dv = Float64Array.from(s.velocityKmS, (v, k) => (v - (pv[k] ?? 0)) * 1000);
    const drRtn = inertialToRtnVector(dr, pr, pv);
    const dvRtn = inertialToRtnVector(dv, pr, pv);
    rel.fields.push(
      f('RELATIVE_POSITION_R', num(drRtn[0] ?? 0)),
      f('RELATIVE_POSITION_T', num(drRtn[1] ?? 0)),
      f('RELATIVE_POSITION_N', num(drRtn[2] ?? 0)),
      f('RELATIVE_VELOCITY_R', num(dvRtn[0] ?? 0)),
      f('RELATIVE_VELOCITY_T', num(dvRtn[1] ?? 0)),
      f('RELATIVE_VELOCITY_N', num(dvRtn[2] ?? 0)),
    );
  } else if (relative && input.relativePositionRtnM) {
    const [r, t, n] = input.relativePositionRtnM;
    rel.fields.push(
      f('RELATIVE_POSITION_R', num(r)),
      f('RELATIVE_POSITION_T', num(t)),
      f('RELATIVE_POSITION_N', num(n)),
    );
  }
  if (input.pc !== undefined) {
    rel.fields.push(f('COLLISION_PROBABILITY', num(input.pc)));
    const method = input.pcMethod ?? 'foster';
    rel.fields.push(f('COLLISION_PROBABILITY_METHOD', PC_METHOD_CCSDS[method] ?? method.toUpperCase()));
  }
  if (input.hbrM !== undefined) rel.comments.push(`HBR = ${input.hbrM} [m]`);
  if (input.hbrSource) rel.comments.push(`HBR source: ${input.hbrSource}`);
  if (p.covarianceSynthetic || s.covarianceSynthetic) {
    rel.comments.push(
      'Pc computed with at least one SYNTHETIC covariance (see the object covariance comments)',
    );
  }
  return {
    header,
    relativeMetadataData: rel,
    objects: [objectPart(p, 'OBJECT1', input.frame), objectPart(s, 'OBJECT2', input.frame)],
  };
}
