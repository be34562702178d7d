import type { ConjunctionAssessment, ObjectAtTca } from '../../../core/risk/conjunction-assessment.js';
import { type ConjunctionParty, cdmFromConjunction } from './cdm-from-conjunction.js';
import type { Cdm } from './cdm-message.js';

/** Who an object of a screened conjunction is (the states come from the assessment). */
export interface CdmObjectIdentity {
  /** OBJECT_DESIGNATOR: the catalog number (or the ephemeris OBJECT_ID when the object has none). */
  readonly designator: string;
  readonly name: string;
  /** COSPAR id, or UNKNOWN. */
  readonly internationalDesignator: string;
  readonly objectType?: ConjunctionParty['objectType'];
  /** EPHEMERIS_NAME (default NONE: public catalog element set). */
  readonly ephemerisName?: string;
  /** Epoch of the element set the state was propagated from (UTC ISO), when it came from one. */
  readonly elementSetEpochUtc?: string;
  /** Where the state comes from, when not an element set (written as COMMENT). */
  readonly stateSource?: string;
}

/** A conjunction found by screening with its assessment at TCA: what both the service and the CLI turn into CDMs. */
export interface AssessedConjunction {
  readonly messageId: string;
  readonly creationUnixMs: number;
  readonly conjunctionId?: string;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  /** Relative position (secondary − primary) in the primary's RTN frame, km: used only without states at TCA. */
  readonly missRtnKm?: readonly [number, number, number];
  readonly primary: CdmObjectIdentity;
  readonly secondary: CdmObjectIdentity;
  /** States, covariances, hard-body radius and Pc at TCA; undefined when an object could not be brought there. */
  readonly assessment: ConjunctionAssessment | undefined;
  /** Extra comments of the relative part (e.g. the screening run). */
  readonly comments?: readonly string[];
  /**
   * Leave out the relative position and velocity: when a state given is not the one the screening used (a
   * public stand-in for a private one), they would not agree with the miss distance.
   */
  readonly omitRelativeState?: boolean;
}

/** CCSDS epoch text (UTC, no zone letter), microseconds kept from the fractional Unix milliseconds. */
export function ccsdsEpochFromUnixMs(unixMs: number): string {
  const whole = Math.floor(unixMs);
  const micro = Math.round((unixMs - whole) * 1000);
  return `${new Date(whole).toISOString().slice(0, 23)}${String(Math.min(999, micro)).padStart(3, '0')}`;
}

const HBR_SOURCE_TEXT: Readonly<Record<string, string>> = {
  override: 'given by the user',
  'cara-table': 'NASA CARA per-object table',
  'rcs-size': 'SATCAT RCS size class',
  default: 'ASSUMED default',
};

function party(identity: CdmObjectIdentity, at: ObjectAtTca | undefined): ConjunctionParty {
  return {
    objectDesignator: identity.designator,
    objectName: identity.name,
    internationalDesignator: identity.internationalDesignator || 'UNKNOWN',
    ...(identity.objectType ? { objectType: identity.objectType } : {}),
    ...(identity.ephemerisName ? { ephemerisName: identity.ephemerisName } : {}),
    ...(identity.elementSetEpochUtc ? { elementSetEpochUtc: identity.elementSetEpochUtc } : {}),
    ...(identity.stateSource ? { stateSource: identity.stateSource } : {}),
    covarianceSynthetic: at?.covarianceSynthetic ?? true,
    covarianceDescription: at?.covarianceDescription ?? 'no state at TCA: covariance not available',
    ...(at
      ? {
          positionKm: Float64Array.from(at.positionKm),
          velocityKmS: Float64Array.from(at.velocityKmS),
          covarianceRtn: Float64Array.from(at.covarianceRtn),
        }
      : {}),
  };
}

function hbrSourceText(a: ConjunctionAssessment): string {
  if (a.hbrSource === 'override') return 'combined radius given by the user';
  const source = HBR_SOURCE_TEXT[a.hbrSource ?? 'default'] ?? String(a.hbrSource);
  const one = (label: string, o: ObjectAtTca) => `${label} ${o.hbrM} m, ${o.hbrDetail ?? 'assumed default'}`;
  return `${source} (${one('OBJECT1', a.primary)}; ${one('OBJECT2', a.secondary)})`;
}

/**
 * The CDM (CCSDS 508.0 keywords, TEME states as the screening computes them) of one screened conjunction: states at
 * TCA of both objects, their covariances (synthetic ones flagged in COMMENT lines and COVARIANCE_METHOD = DEFAULT),
 * miss distance, relative speed, Pc with its method and the hard-body radius with its source.
 */
export function cdmFromAssessment(c: AssessedConjunction): Cdm {
  const a = c.assessment;
  const hbrSource = a ? hbrSourceText(a) : undefined;
  return cdmFromConjunction({
    messageId: c.messageId,
    originator: 'CONCORD',
    creationDateUtc: ccsdsEpochFromUnixMs(c.creationUnixMs),
    ...(c.conjunctionId ? { conjunctionId: c.conjunctionId } : {}),
    tcaUtc: ccsdsEpochFromUnixMs(c.tcaUnixMs),
    frame: 'TEME',
    missDistanceM: c.missKm * 1000,
    relativeSpeedMS: c.relSpeedKmS * 1000,
    ...(a && a.pc !== null ? { pc: a.pc, pcMethod: a.pcMethod ?? 'foster' } : {}),
    ...(a ? { hbrM: a.hbrM } : {}),
    ...(hbrSource ? { hbrSource } : {}),
    relativeComments: c.comments ?? [],
    ...(c.omitRelativeState ? { relativeState: false } : {}),
    ...(c.missRtnKm && !c.omitRelativeState
      ? {
          relativePositionRtnM: [
            c.missRtnKm[0] * 1000,
            c.missRtnKm[1] * 1000,
            c.missRtnKm[2] * 1000,
          ] as const,
        }
      : {}),
    primary: party(c.primary, a?.primary),
    secondary: party(c.secondary, a?.secondary),
  });
}
