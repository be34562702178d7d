/**
 * The OMM keyword table (CCSDS 502.0-B-2 and B-3, Orbit Data Messages, sections 4.2 OMM): every keyword,
 * the message part it belongs to, the kind of value, its CCSDS unit and whether it is mandatory.
 * Parsers of all four encodings (KVN, XML, JSON, CSV) and the writers read this one table.
 */

/** Message parts in the order KVN must present them; the XML element name of each part is the same. */
export type OmmSection =
  | 'header'
  | 'metadata'
  | 'meanElements'
  | 'spacecraftParameters'
  | 'tleParameters'
  | 'covarianceMatrix'
  | 'userDefinedParameters';

export const OMM_SECTION_ORDER: readonly OmmSection[] = [
  'header',
  'metadata',
  'meanElements',
  'spacecraftParameters',
  'tleParameters',
  'covarianceMatrix',
  'userDefinedParameters',
];

/** `text` as written; `epoch` an ISO-8601 / CCSDS date; `real` a decimal; `integer` a whole number. */
export type OmmValueKind = 'text' | 'epoch' | 'real' | 'integer';

/**
 * `mandatory`: required in every OMM. `sgp4`: required when MEAN_ELEMENT_THEORY is SGP4 (CCSDS marks BSTAR,
 * MEAN_MOTION_DOT, MEAN_MOTION_DDOT so). `choice`: one of SEMI_MAJOR_AXIS / MEAN_MOTION. `optional`.
 */
export type OmmRequirement = 'mandatory' | 'sgp4' | 'choice' | 'optional';

export interface OmmKeywordSpec {
  readonly keyword: string;
  readonly section: OmmSection;
  readonly kind: OmmValueKind;
  /** CCSDS unit as written in KVN `[...]` or the XML `units` attribute; absent for dimensionless values. */
  readonly unit?: string;
  readonly requirement: OmmRequirement;
}

function spec(
  keyword: string,
  section: OmmSection,
  kind: OmmValueKind,
  requirement: OmmRequirement,
  unit?: string,
): OmmKeywordSpec {
  return unit === undefined
    ? { keyword, section, kind, requirement }
    : { keyword, section, kind, requirement, unit };
}

const COVARIANCE_POSITION = ['X', 'Y', 'Z'] as const;
const COVARIANCE_AXES = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'] as const;

/**
 * Covariance keywords in CCSDS order: the lower triangle, row by row (CX_X; CY_X CY_Y; ... CZ_DOT_Z_DOT).
 * Units: km² (position-position), km²/s (velocity-position), km²/s² (velocity-velocity).
 */
export const OMM_COVARIANCE_KEYWORDS: readonly OmmKeywordSpec[] = COVARIANCE_AXES.flatMap((row, i) =>
  COVARIANCE_AXES.slice(0, i + 1).map((col, j) => {
    const rowIsVelocity = i >= COVARIANCE_POSITION.length;
    const colIsVelocity = j >= COVARIANCE_POSITION.length;
    const unit = rowIsVelocity && colIsVelocity ? 'km**2/s**2' : rowIsVelocity ? 'km**2/s' : 'km**2';
    return spec(`C${row}_${col}`, 'covarianceMatrix', 'real', 'optional', unit);
  }),
);

export const OMM_KEYWORDS: readonly OmmKeywordSpec[] = [
  // Header
  spec('CCSDS_OMM_VERS', 'header', 'text', 'mandatory'),
  spec('CLASSIFICATION', 'header', 'text', 'optional'), // ODM v3
  spec('CREATION_DATE', 'header', 'epoch', 'mandatory'),
  spec('ORIGINATOR', 'header', 'text', 'mandatory'),
  spec('MESSAGE_ID', 'header', 'text', 'optional'), // ODM v3
  // Metadata
  spec('OBJECT_NAME', 'metadata', 'text', 'mandatory'),
  spec('OBJECT_ID', 'metadata', 'text', 'mandatory'),
  spec('CENTER_NAME', 'metadata', 'text', 'mandatory'),
  spec('REF_FRAME', 'metadata', 'text', 'mandatory'),
  spec('REF_FRAME_EPOCH', 'metadata', 'epoch', 'optional'),
  spec('TIME_SYSTEM', 'metadata', 'text', 'mandatory'),
  spec('MEAN_ELEMENT_THEORY', 'metadata', 'text', 'mandatory'),
  // Mean Keplerian elements
  spec('EPOCH', 'meanElements', 'epoch', 'mandatory'),
  spec('SEMI_MAJOR_AXIS', 'meanElements', 'real', 'choice', 'km'),
  spec('MEAN_MOTION', 'meanElements', 'real', 'choice', 'rev/day'),
  spec('ECCENTRICITY', 'meanElements', 'real', 'mandatory'),
  spec('INCLINATION', 'meanElements', 'real', 'mandatory', 'deg'),
  spec('RA_OF_ASC_NODE', 'meanElements', 'real', 'mandatory', 'deg'),
  spec('ARG_OF_PERICENTER', 'meanElements', 'real', 'mandatory', 'deg'),
  spec('MEAN_ANOMALY', 'meanElements', 'real', 'mandatory', 'deg'),
  spec('GM', 'meanElements', 'real', 'optional', 'km**3/s**2'),
  // Spacecraft parameters
  spec('MASS', 'spacecraftParameters', 'real', 'optional', 'kg'),
  spec('SOLAR_RAD_AREA', 'spacecraftParameters', 'real', 'optional', 'm**2'),
  spec('SOLAR_RAD_COEFF', 'spacecraftParameters', 'real', 'optional'),
  spec('DRAG_AREA', 'spacecraftParameters', 'real', 'optional', 'm**2'),
  spec('DRAG_COEFF', 'spacecraftParameters', 'real', 'optional'),
  // TLE related parameters (CCSDS defaults: EPHEMERIS_TYPE 0, CLASSIFICATION_TYPE U)
  spec('EPHEMERIS_TYPE', 'tleParameters', 'integer', 'optional'),
  spec('CLASSIFICATION_TYPE', 'tleParameters', 'text', 'optional'),
  spec('NORAD_CAT_ID', 'tleParameters', 'integer', 'optional'),
  spec('ELEMENT_SET_NO', 'tleParameters', 'integer', 'optional'),
  spec('REV_AT_EPOCH', 'tleParameters', 'integer', 'optional'),
  spec('BSTAR', 'tleParameters', 'real', 'sgp4', '1/ER'),
  spec('BTERM', 'tleParameters', 'real', 'optional', 'm**2/kg'), // SGP4-XP (ODM v3)
  spec('MEAN_MOTION_DOT', 'tleParameters', 'real', 'sgp4', 'rev/day**2'),
  spec('MEAN_MOTION_DDOT', 'tleParameters', 'real', 'sgp4', 'rev/day**3'),
  spec('AGOM', 'tleParameters', 'real', 'optional', 'm**2/kg'), // SGP4-XP (ODM v3)
  // Covariance matrix
  spec('COV_REF_FRAME', 'covarianceMatrix', 'text', 'optional'),
  ...OMM_COVARIANCE_KEYWORDS,
];

export const OMM_KEYWORD_TABLE: ReadonlyMap<string, OmmKeywordSpec> = new Map(
  OMM_KEYWORDS.map((s) => [s.keyword, s]),
);

/** USER_DEFINED_xxx parameters form the user-defined part; `xxx` is free. */
export const USER_DEFINED_PREFIX = 'USER_DEFINED_';

/**
 * Columns that Space-Track's GP class adds to its OMM-shaped JSON/CSV. They are derived or administrative
 * (not OMM keywords); the JSON and CSV parsers accept and ignore them without an issue, by design.
 * (Its `COMMENT` column is read as a header comment.)
 */
export const SPACE_TRACK_GP_EXTRA_KEYS: ReadonlySet<string> = new Set([
  'SEMIMAJOR_AXIS',
  'PERIOD',
  'APOAPSIS',
  'PERIAPSIS',
  'OBJECT_TYPE',
  'RCS_SIZE',
  'COUNTRY_CODE',
  'LAUNCH_DATE',
  'SITE',
  'DECAY_DATE',
  'FILE',
  'GP_ID',
  'TLE_LINE0',
  'TLE_LINE1',
  'TLE_LINE2',
]);

/**
 * Compare units leniently as Orekit does for the common spellings: case, blanks and `^` vs `**` do not
 * matter (`REV/DAY`, `rev/day`; `km^3/s^2`, `km**3/s**2`).
 */
export function normalizeOmmUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/\^/g, '**').toLowerCase();
}
