import type { ElementSet } from '../../core/orbits/element-set.js';
import { formatIsoUtc } from '../../core/time/iso-8601.js';
import type { UtcInstant } from '../../core/time/time-scale.js';
import type { OmmSection } from './omm-keywords.js';

/** Options shared by the OMM writers. */
export interface OmmWriteOptions {
  /** ORIGINATOR of the header (KVN, XML); default `CONCORD`. */
  readonly originator?: string;
  /** CREATION_DATE of the header (KVN, XML); default: now. Pass it for reproducible output. */
  readonly creationDate?: UtcInstant;
}

export interface OmmWriteField {
  readonly section: OmmSection;
  readonly keyword: string;
  /** Numbers are written in the shortest form that reads back to the same double. */
  readonly value: string | number;
}

/** The GP column set and order CelesTrak uses in OMM JSON and CSV. */
export const GP_COLUMNS: readonly string[] = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
];

/** OMM epochs are written without a zone letter, with microseconds, as CelesTrak and Space-Track do (UTC). */
export function formatOmmEpoch(epoch: UtcInstant): string {
  return formatIsoUtc(epoch, 6).replace(/Z$/, '');
}

/**
 * NORAD_CAT_ID is an integer in OMM: the catalog id as written when it is all digits (so `812345` and
 * leading zeros survive), otherwise the decoded number (an Alpha-5 `A0001` from a TLE becomes 100001).
 */
export function ommNoradCatIdText(es: ElementSet): string {
  return /^\d+$/.test(es.catalogId) ? es.catalogId : String(es.noradCatId);
}

/** Metadata and data keywords of one element set, in CCSDS order (MEAN_ELEMENT_THEORY SGP4, TEME, UTC). */
export function ommFieldsOfElementSet(es: ElementSet): OmmWriteField[] {
  const f = (section: OmmSection, keyword: string, value: string | number): OmmWriteField => ({
    section,
    keyword,
    value,
  });
  return [
    f('metadata', 'OBJECT_NAME', es.objectName),
    f('metadata', 'OBJECT_ID', es.objectId),
    f('metadata', 'CENTER_NAME', 'EARTH'),
    f('metadata', 'REF_FRAME', 'TEME'),
    f('metadata', 'TIME_SYSTEM', 'UTC'),
    f('metadata', 'MEAN_ELEMENT_THEORY', 'SGP4'),
    f('meanElements', 'EPOCH', formatOmmEpoch(es.epoch)),
    f('meanElements', 'MEAN_MOTION', es.meanMotionRevPerDay),
    f('meanElements', 'ECCENTRICITY', es.eccentricity),
    f('meanElements', 'INCLINATION', es.inclinationDeg),
    f('meanElements', 'RA_OF_ASC_NODE', es.raanDeg),
    f('meanElements', 'ARG_OF_PERICENTER', es.argOfPericenterDeg),
    f('meanElements', 'MEAN_ANOMALY', es.meanAnomalyDeg),
    f('tleParameters', 'EPHEMERIS_TYPE', es.ephemerisType),
    f('tleParameters', 'CLASSIFICATION_TYPE', es.classification),
    f('tleParameters', 'NORAD_CAT_ID', ommNoradCatIdText(es)),
    f('tleParameters', 'ELEMENT_SET_NO', es.elementSetNo),
    f('tleParameters', 'REV_AT_EPOCH', es.revAtEpoch),
    f('tleParameters', 'BSTAR', es.bstarPerEarthRadii),
    f('tleParameters', 'MEAN_MOTION_DOT', es.meanMotionDotRevPerDay2),
    f('tleParameters', 'MEAN_MOTION_DDOT', es.meanMotionDdotRevPerDay3),
  ];
}

/** Text of a value: numbers in JavaScript's shortest round-trip form with an upper-case exponent. */
export function ommValueText(value: string | number): string {
  return typeof value === 'number' ? String(value).toUpperCase() : value;
}
