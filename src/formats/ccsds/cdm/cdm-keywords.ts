/**
 * CDM keyword table (CCSDS 508.0-B-1, plus the 508.0 version 2.0 keywords the Orekit samples use): the message
 * part each keyword belongs to, its value type and its standard unit. Parsers, writers and the JSON form all
 * use these names.
 */
export type CdmPartName =
  | 'header'
  | 'relativeMetadataData'
  | 'metadata'
  | 'odParameters'
  | 'additionalParameters'
  | 'stateVector'
  | 'covarianceMatrix'
  | 'alternateCovarianceMatrix'
  | 'additionalCovarianceMetadata'
  | 'userDefinedParameters';

export type CdmValueType = 'text' | 'number' | 'integer' | 'epoch' | 'numbers';

export interface CdmKeyword {
  readonly keyword: string;
  readonly part: CdmPartName;
  readonly type: CdmValueType;
  /** Standard unit as written in KVN brackets / the XML `units` attribute; absent for dimensionless values. */
  readonly unit?: string;
  /** Mandatory in CCSDS 508.0-B-1. */
  readonly mandatory?: boolean;
}

const table = new Map<string, CdmKeyword>();

function add(
  part: CdmPartName,
  type: CdmValueType,
  unit: string | undefined,
  mandatory: boolean,
  ...keywords: string[]
): void {
  for (const keyword of keywords) {
    table.set(keyword, {
      keyword,
      part,
      type,
      ...(unit === undefined ? {} : { unit }),
      ...(mandatory ? { mandatory } : {}),
    });
  }
}

// Header
add('header', 'text', undefined, true, 'CCSDS_CDM_VERS', 'ORIGINATOR', 'MESSAGE_ID');
add('header', 'epoch', undefined, true, 'CREATION_DATE');
add('header', 'text', undefined, false, 'MESSAGE_FOR', 'CLASSIFICATION');

// Relative metadata / data
add('relativeMetadataData', 'epoch', undefined, true, 'TCA');
add('relativeMetadataData', 'number', 'm', true, 'MISS_DISTANCE');
add('relativeMetadataData', 'text', undefined, false, 'CONJUNCTION_ID');
add('relativeMetadataData', 'number', 'm/s', false, 'RELATIVE_SPEED');
add('relativeMetadataData', 'number', undefined, false, 'MAHALANOBIS_DISTANCE');
add('relativeMetadataData', 'number', 'deg', false, 'APPROACH_ANGLE');
add(
  'relativeMetadataData',
  'number',
  'm',
  false,
  'RELATIVE_POSITION_R',
  'RELATIVE_POSITION_T',
  'RELATIVE_POSITION_N',
);
add(
  'relativeMetadataData',
  'number',
  'm/s',
  false,
  'RELATIVE_VELOCITY_R',
  'RELATIVE_VELOCITY_T',
  'RELATIVE_VELOCITY_N',
);
add(
  'relativeMetadataData',
  'epoch',
  undefined,
  false,
  'START_SCREEN_PERIOD',
  'STOP_SCREEN_PERIOD',
  'SCREEN_ENTRY_TIME',
  'SCREEN_EXIT_TIME',
  'PREVIOUS_MESSAGE_EPOCH',
  'NEXT_MESSAGE_EPOCH',
);
add(
  'relativeMetadataData',
  'text',
  undefined,
  false,
  'SCREEN_VOLUME_FRAME',
  'SCREEN_VOLUME_SHAPE',
  'SCREEN_TYPE',
  'COLLISION_PROBABILITY_METHOD',
  'COLLISION_MAX_PC_METHOD',
  'SEFI_COLLISION_PROBABILITY_METHOD',
  'SEFI_FRAGMENTATION_MODEL',
  'PREVIOUS_MESSAGE_ID',
);
add(
  'relativeMetadataData',
  'number',
  'm',
  false,
  'SCREEN_VOLUME_X',
  'SCREEN_VOLUME_Y',
  'SCREEN_VOLUME_Z',
  'SCREEN_VOLUME_RADIUS',
);
add(
  'relativeMetadataData',
  'number',
  undefined,
  false,
  'SCREEN_PC_THRESHOLD',
  'COLLISION_PROBABILITY',
  'COLLISION_MAX_PROBABILITY',
  'SEFI_COLLISION_PROBABILITY',
);
add('relativeMetadataData', 'numbers', undefined, false, 'COLLISION_PERCENTILE');

// Object metadata
add(
  'metadata',
  'text',
  undefined,
  true,
  'OBJECT',
  'OBJECT_DESIGNATOR',
  'CATALOG_NAME',
  'OBJECT_NAME',
  'INTERNATIONAL_DESIGNATOR',
  'EPHEMERIS_NAME',
  'COVARIANCE_METHOD',
  'MANEUVERABLE',
  'REF_FRAME',
);
add(
  'metadata',
  'text',
  undefined,
  false,
  'OBJECT_TYPE',
  'OPERATOR_CONTACT_POSITION',
  'OPERATOR_ORGANIZATION',
  'OPERATOR_PHONE',
  'OPERATOR_EMAIL',
  'ORBIT_CENTER',
  'GRAVITY_MODEL',
  'ATMOSPHERIC_MODEL',
  'N_BODY_PERTURBATIONS',
  'SOLAR_RAD_PRESSURE',
  'EARTH_TIDES',
  'INTRACK_THRUST',
  'ODM_MSG_LINK',
  'ADM_MSG_LINK',
  'OBS_BEFORE_NEXT_MESSAGE',
  'COVARIANCE_SOURCE',
  'ALT_COV_TYPE',
  'ALT_COV_REF_FRAME',
);

// OD parameters
add('odParameters', 'epoch', undefined, false, 'TIME_LASTOB_START', 'TIME_LASTOB_END', 'OD_EPOCH');
add('odParameters', 'number', 'd', false, 'RECOMMENDED_OD_SPAN', 'ACTUAL_OD_SPAN');
add(
  'odParameters',
  'integer',
  undefined,
  false,
  'OBS_AVAILABLE',
  'OBS_USED',
  'TRACKS_AVAILABLE',
  'TRACKS_USED',
);
add('odParameters', 'number', '%', false, 'RESIDUALS_ACCEPTED');
add('odParameters', 'number', undefined, false, 'WEIGHTED_RMS');

// Additional parameters
add(
  'additionalParameters',
  'number',
  'm**2',
  false,
  'AREA_PC',
  'AREA_PC_MIN',
  'AREA_PC_MAX',
  'AREA_DRG',
  'AREA_SRP',
  'AREA_ALONG_OEB_MAX',
  'AREA_ALONG_OEB_INT',
  'AREA_ALONG_OEB_MIN',
  'RCS',
  'RCS_MIN',
  'RCS_MAX',
);
add('additionalParameters', 'text', undefined, false, 'OEB_PARENT_FRAME');
add('additionalParameters', 'epoch', undefined, false, 'OEB_PARENT_FRAME_EPOCH');
add(
  'additionalParameters',
  'number',
  undefined,
  false,
  'OEB_Q1',
  'OEB_Q2',
  'OEB_Q3',
  'OEB_QC',
  'VM_ABSOLUTE',
  'VM_APPARENT_MIN',
  'VM_APPARENT',
  'VM_APPARENT_MAX',
  'REFLECTANCE',
);
add('additionalParameters', 'number', 'm', false, 'OEB_MAX', 'OEB_INT', 'OEB_MIN', 'HBR');
add('additionalParameters', 'number', 'kg', false, 'MASS');
add('additionalParameters', 'number', 'm**2/kg', false, 'CD_AREA_OVER_MASS', 'CR_AREA_OVER_MASS');
add('additionalParameters', 'number', 'm/s**2', false, 'THRUST_ACCELERATION');
add('additionalParameters', 'number', 'W/kg', false, 'SEDR');
add('additionalParameters', 'number', 'km', false, 'APOAPSIS_ALTITUDE', 'PERIAPSIS_ALTITUDE');
add('additionalParameters', 'number', 'deg', false, 'INCLINATION');
add('additionalParameters', 'number', undefined, false, 'COV_CONFIDENCE');
add('additionalParameters', 'text', undefined, false, 'COV_CONFIDENCE_METHOD');

// State vector
add('stateVector', 'number', 'km', true, 'X', 'Y', 'Z');
add('stateVector', 'number', 'km/s', true, 'X_DOT', 'Y_DOT', 'Z_DOT');

/** Units of covariance terms from the kind of their two components. */
type Component = 'pos' | 'vel' | 'drg' | 'srp' | 'thr';
const BASE: Record<Component, { m: number; kg: number; s: number }> = {
  pos: { m: 1, kg: 0, s: 0 },
  vel: { m: 1, kg: 0, s: -1 },
  drg: { m: 2, kg: -1, s: 0 },
  srp: { m: 2, kg: -1, s: 0 },
  thr: { m: 1, kg: 0, s: -2 },
};
function covarianceUnit(a: Component, b: Component): string {
  const m = BASE[a].m + BASE[b].m;
  const kg = BASE[a].kg + BASE[b].kg;
  const s = BASE[a].s + BASE[b].s;
  const num = `m**${m}`;
  const den: string[] = [];
  if (kg < 0) den.push(kg === -1 ? 'kg' : `kg**${-kg}`);
  if (s < 0) den.push(s === -1 ? 's' : `s**${-s}`);
  if (den.length === 0) return num;
  return den.length === 1 ? `${num}/${den[0]}` : `${num}/(${den.join('*')})`;
}

/** The lower triangle of a covariance in row order, as CCSDS names it. */
function triangle(rows: readonly [string, Component][]): { keyword: string; unit: string }[] {
  const out: { keyword: string; unit: string }[] = [];
  rows.forEach(([rowName, rowKind], i) => {
    for (let j = 0; j <= i; j++) {
      const [colName, colKind] = rows[j] ?? ['', 'pos'];
      out.push({ keyword: `C${rowName}_${colName}`, unit: covarianceUnit(rowKind, colKind) });
    }
  });
  return out;
}

const RTN_ROWS: [string, Component][] = [
  ['R', 'pos'],
  ['T', 'pos'],
  ['N', 'pos'],
  ['RDOT', 'vel'],
  ['TDOT', 'vel'],
  ['NDOT', 'vel'],
  ['DRG', 'drg'],
  ['SRP', 'srp'],
  ['THR', 'thr'],
];
const XYZ_ROWS: [string, Component][] = [
  ['X', 'pos'],
  ['Y', 'pos'],
  ['Z', 'pos'],
  ['XDOT', 'vel'],
  ['YDOT', 'vel'],
  ['ZDOT', 'vel'],
  ['DRG', 'drg'],
  ['SRP', 'srp'],
  ['THR', 'thr'],
];

/** The 21 mandatory RTN position/velocity covariance keywords, in CCSDS order (lower triangle by rows). */
export const RTN_COVARIANCE_KEYWORDS: readonly string[] = triangle(RTN_ROWS.slice(0, 6)).map(
  (t) => t.keyword,
);

for (const [index, { keyword, unit }] of triangle(RTN_ROWS).entries()) {
  table.set(keyword, {
    keyword,
    part: 'covarianceMatrix',
    type: 'number',
    unit,
    ...(index < 21 ? { mandatory: true } : {}),
  });
}
/** Keywords shared by the RTN and XYZ forms (the DRG/SRP/THR diagonal block): placed by context. */
export const SHARED_COVARIANCE_KEYWORDS = new Set([
  'CDRG_DRG',
  'CSRP_DRG',
  'CSRP_SRP',
  'CTHR_DRG',
  'CTHR_SRP',
  'CTHR_THR',
]);
for (const { keyword, unit } of triangle(XYZ_ROWS)) {
  if (SHARED_COVARIANCE_KEYWORDS.has(keyword)) continue;
  table.set(keyword, { keyword, part: 'alternateCovarianceMatrix', type: 'number', unit });
}
add('alternateCovarianceMatrix', 'numbers', undefined, false, 'CSIG3EIGVEC3');
add(
  'additionalCovarianceMetadata',
  'number',
  undefined,
  false,
  'DENSITY_FORECAST_UNCERTAINTY',
  'CSCALE_FACTOR_MIN',
  'CSCALE_FACTOR',
  'CSCALE_FACTOR_MAX',
);
add('additionalCovarianceMetadata', 'text', undefined, false, 'SCREENING_DATA_SOURCE');
add(
  'additionalCovarianceMetadata',
  'numbers',
  undefined,
  false,
  'DCP_SENSITIVITY_VECTOR_POSITION',
  'DCP_SENSITIVITY_VECTOR_VELOCITY',
);

/** Looks a keyword up; `USER_DEFINED_*` keywords are free text in the user-defined part. */
export function cdmKeyword(keyword: string): CdmKeyword | undefined {
  const entry = table.get(keyword);
  if (entry) return entry;
  if (keyword.startsWith('USER_DEFINED_')) return { keyword, part: 'userDefinedParameters', type: 'text' };
  return undefined;
}

/** Keywords of one part in table order (the order writers emit). */
export function cdmPartKeywords(part: CdmPartName): CdmKeyword[] {
  return [...table.values()].filter((k) => k.part === part);
}

/** The XML element of each part inside `<data>` or `<segment>`. */
export const OBJECT_DATA_PARTS: readonly CdmPartName[] = [
  'odParameters',
  'additionalParameters',
  'stateVector',
  'covarianceMatrix',
  'alternateCovarianceMatrix',
  'additionalCovarianceMetadata',
  'userDefinedParameters',
];
