import type { ElementSetFormat } from '../../core/orbits/element-set.js';
import { parseIsoUtc } from '../../core/time/iso-8601.js';
import type { JulianDate } from '../../core/time/time-scale.js';
import type { RecordIssue } from '../record-issue.js';
import {
  normalizeOmmUnit,
  OMM_COVARIANCE_KEYWORDS,
  OMM_KEYWORD_TABLE,
  OMM_KEYWORDS,
  type OmmSection,
} from './omm-keywords.js';
import type {
  OmmCovarianceMatrix,
  OmmData,
  OmmHeader,
  OmmMeanElements,
  OmmMessage,
  OmmMetadata,
  OmmSpacecraftParameters,
  OmmTleParameters,
} from './omm-message.js';

/**
 * The keywords of one OMM as an encoding-specific reader (KVN, XML, JSON, CSV) found them, before typing.
 * For GP JSON `values` is the parsed object itself (no copy: keys that are not OMM keywords are ignored
 * here, the reader reports them).
 */
export interface OmmRawRecord {
  readonly file: string;
  readonly format: ElementSetFormat;
  /** Line of the message start; becomes `origin.line` and locates keywords that have no own line. */
  readonly line: number;
  /**
   * GP conventions (CelesTrak / Space-Track JSON and CSV): header and metadata may be absent and default to
   * CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC, MEAN_ELEMENT_THEORY SGP4; empty or null means absent.
   */
  readonly gp: boolean;
  /** keyword → value as found: a string, or for JSON also a number, null, boolean, object. */
  readonly values: Readonly<Record<string, unknown>>;
  /** keyword → 1-based line, where keywords have lines of their own (KVN, XML). */
  readonly lines: Map<string, number> | undefined;
  /** keyword → unit as written (`[...]` in KVN, `units=` in XML). */
  readonly units: Map<string, string> | undefined;
  readonly comments: Map<OmmSection, string[]> | undefined;
  /** USER_DEFINED_xxx values keyed by `xxx`. */
  readonly userDefined: Map<string, string> | undefined;
  /** Problems the reader found (unknown or misplaced keywords ...); any error here rejects the message. */
  readonly readerIssues: RecordIssue[] | undefined;
}

/** A record for readers that collect keyword by keyword (KVN, XML). */
export interface OmmRawRecordDraft extends OmmRawRecord {
  readonly values: Record<string, unknown>;
  readonly lines: Map<string, number>;
  readonly units: Map<string, string>;
  readonly comments: Map<OmmSection, string[]>;
  readonly userDefined: Map<string, string>;
  readonly readerIssues: RecordIssue[];
}

export function newOmmRawRecordDraft(
  file: string,
  format: ElementSetFormat,
  line: number,
): OmmRawRecordDraft {
  return {
    file,
    format,
    line,
    gp: false,
    values: {},
    lines: new Map(),
    units: new Map(),
    comments: new Map(),
    userDefined: new Map(),
    readerIssues: [],
  };
}

export interface OmmBuildResult {
  /** Absent when an error rejected the message. */
  readonly message?: OmmMessage;
  readonly issues: RecordIssue[];
}

const GP_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['CENTER_NAME', 'EARTH'],
  ['REF_FRAME', 'TEME'],
  ['TIME_SYSTEM', 'UTC'],
  ['MEAN_ELEMENT_THEORY', 'SGP4'],
  ['OBJECT_NAME', ''],
  ['OBJECT_ID', ''],
]);

/** GP sources do not carry these header/metadata keywords; they are not required there. */
const GP_OPTIONAL: ReadonlySet<string> = new Set([
  'CCSDS_OMM_VERS',
  'CREATION_DATE',
  'ORIGINATOR',
  ...GP_DEFAULTS.keys(),
]);

const SGP4_THEORIES: ReadonlySet<string> = new Set(['SGP4', 'SGP/SGP4']);

/**
 * Parse a JSON/KVN/CSV number. `Number()` does the work (fast); what it accepts beyond decimal notation
 * (blank, hex/binary/octal prefixes, Infinity) is refused. Returns NaN when not a decimal number.
 */
export function parseOmmNumber(value: string | number): number {
  if (typeof value === 'number') return value;
  const s = value.trim();
  if (s === '') return Number.NaN;
  const n = Number(s);
  if (!Number.isFinite(n)) return Number.NaN;
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const second = s.charCodeAt(1) | 32;
    if (second === 120 || second === 98 || second === 111) return Number.NaN; // 0x 0b 0o
  }
  return n;
}

type Typed = string | number | JulianDate;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_LINES: ReadonlyMap<string, number> = new Map();
const NO_COMMENTS: readonly string[] = Object.freeze([]);

const REQUIRED_KEYWORDS = OMM_KEYWORDS.filter(
  (s) => s.requirement === 'mandatory' || s.requirement === 'sgp4',
);

/** Keywords per part, for "is this optional part present" checks. */
const KEYWORDS_BY_SECTION: ReadonlyMap<OmmSection, readonly string[]> = (() => {
  const m = new Map<OmmSection, string[]>();
  for (const spec of OMM_KEYWORDS) {
    const list = m.get(spec.section) ?? [];
    list.push(spec.keyword);
    m.set(spec.section, list);
  }
  return m;
})();

/**
 * Type and check every keyword of a raw record and assemble the OMM parts. Errors (wrong unit, not a
 * number, missing mandatory keyword ...) reject the message; warnings keep it. Written for speed: GP
 * catalogs hold tens of thousands of records, so one pass over the keyword table and few allocations.
 */
export function buildOmmMessage(raw: OmmRawRecord): OmmBuildResult {
  let issues: RecordIssue[] | undefined = raw.readerIssues?.length ? [...raw.readerIssues] : undefined;
  let hasError = issues?.some((i) => i.severity === 'error') ?? false;
  /** Keywords that already have an issue: not reported again as missing. */
  let reported: Set<string> | undefined;
  const report = (field: string, code: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const line = raw.lines?.get(field) ?? raw.line;
    issues ??= [];
    issues.push({ file: raw.file, line, field, code, message, severity });
    reported ??= new Set();
    reported.add(field);
    if (severity === 'error') hasError = true;
  };
  const values = raw.values;
  const typed = new Map<string, Typed>();
  const handled = (k: string): boolean => typed.has(k) || (reported?.has(k) ?? false);
  let epochText = '';
  let creationDateText: string | undefined;
  let refFrameEpochText: string | undefined;
  let noradCatIdText: string | undefined;
  let covarianceCount = 0;

  // One pass over the keywords the record has (JSON: its own keys; others are ignored here).
  for (const keyword in values) {
    const spec = OMM_KEYWORD_TABLE.get(keyword);
    if (spec === undefined) continue;
    const v = values[keyword];
    if (v === undefined || v === null) continue;
    if (raw.gp && typeof v === 'string' && v.trim() === '') continue; // empty CSV cell: absent
    if (spec.section === 'covarianceMatrix' && keyword !== 'COV_REF_FRAME') covarianceCount += 1;
    const unit = raw.units?.get(keyword);
    if (unit !== undefined && unit !== '') {
      const given = normalizeOmmUnit(unit);
      if (spec.unit === undefined ? given !== 'n/a' : given !== normalizeOmmUnit(spec.unit)) {
        report(
          keyword,
          'OMM_WRONG_UNIT',
          `unit [${unit}] does not match ${keyword}'s CCSDS unit ${spec.unit === undefined ? '(dimensionless)' : `[${spec.unit}]`}`,
        );
        continue;
      }
    }
    if (typeof v === 'string' && v.trim() === '') {
      if (keyword === 'OBJECT_ID') {
        // CCSDS requires OBJECT_ID, but CelesTrak publishes analyst objects without one; keep, and say so.
        report(
          keyword,
          'OMM_EMPTY_OBJECT_ID',
          'OBJECT_ID is empty (CCSDS requires the international designator); kept as unknown',
          'warning',
        );
        typed.set(keyword, '');
      } else {
        report(keyword, 'OMM_EMPTY_VALUE', `${keyword} has no value`);
      }
      continue;
    }
    switch (spec.kind) {
      case 'text':
        if (typeof v === 'string') typed.set(keyword, v.trim());
        else if (typeof v === 'number') typed.set(keyword, String(v));
        else report(keyword, 'OMM_NOT_TEXT', `${keyword} must be text, got ${JSON.stringify(v)}`);
        break;
      case 'epoch': {
        if (typeof v !== 'string') {
          report(keyword, 'INVALID_ISO_8601', `${keyword} must be a date string, got ${String(v)}`);
          break;
        }
        const parsed = parseIsoUtc(v);
        if (!parsed.ok) report(keyword, parsed.code, `${keyword}: ${parsed.message}`);
        else {
          typed.set(keyword, parsed.value.jd);
          if (keyword === 'EPOCH') epochText = v.trim();
          else if (keyword === 'CREATION_DATE') creationDateText = v.trim();
          else refFrameEpochText = v.trim();
        }
        break;
      }
      case 'real':
      case 'integer': {
        const n = typeof v === 'number' || typeof v === 'string' ? parseOmmNumber(v) : Number.NaN;
        if (Number.isNaN(n)) {
          report(keyword, 'NOT_A_NUMBER', `${keyword} value '${String(v)}' is not a number`);
        } else if (spec.kind === 'integer' && !Number.isInteger(n)) {
          report(keyword, 'NOT_AN_INTEGER', `${keyword} value '${String(v)}' is not an integer`);
        } else {
          typed.set(keyword, n);
          if (keyword === 'NORAD_CAT_ID') noradCatIdText = typeof v === 'string' ? v.trim() : String(v);
        }
        break;
      }
    }
  }

  // GP defaults, then missing mandatory keywords (present-but-bad ones have been reported already).
  if (raw.gp) for (const [k, d] of GP_DEFAULTS) if (!handled(k)) typed.set(k, d);
  const theoryValue = typed.get('MEAN_ELEMENT_THEORY');
  const theory = typeof theoryValue === 'string' ? theoryValue.toUpperCase() : '';
  const isSgp4 = SGP4_THEORIES.has(theory);
  for (const spec of REQUIRED_KEYWORDS) {
    const keyword = spec.keyword;
    if (handled(keyword) || (spec.requirement === 'sgp4' && !isSgp4)) continue;
    if (raw.gp && GP_OPTIONAL.has(keyword)) continue;
    report(
      keyword,
      'OMM_MISSING_KEYWORD',
      `mandatory keyword ${keyword} is missing${spec.requirement === 'sgp4' ? ` (required for MEAN_ELEMENT_THEORY ${theory})` : ''}`,
    );
  }
  if (!handled('MEAN_MOTION') && !handled('SEMI_MAJOR_AXIS')) {
    report('MEAN_MOTION', 'OMM_MISSING_KEYWORD', 'one of MEAN_MOTION or SEMI_MAJOR_AXIS is required');
  }
  if (covarianceCount > 0 && covarianceCount < OMM_COVARIANCE_KEYWORDS.length) {
    const absent = OMM_COVARIANCE_KEYWORDS.filter((s) => !handled(s.keyword)).map((s) => s.keyword);
    report(
      absent[0] ?? 'CX_X',
      'OMM_MISSING_KEYWORD',
      `incomplete covariance matrix: ${absent.length} of 21 terms missing (${absent.join(', ')})`,
    );
  }
  const epochJd = typed.get('EPOCH');
  if (hasError || typeof epochJd !== 'object') return { issues: issues ?? [] };

  const text = (k: string): string => {
    const v = typed.get(k);
    return typeof v === 'string' ? v : '';
  };
  const num = (k: string): number => {
    const v = typed.get(k);
    return typeof v === 'number' ? v : Number.NaN;
  };
  /** Copy the typed values of `keywords` onto `target` under the given property names, skipping absent ones. */
  const copy = (target: Record<string, unknown>, pairs: readonly (readonly [string, string])[]) => {
    for (const [keyword, property] of pairs) {
      const v = typed.get(keyword);
      if (v !== undefined) target[property] = v;
    }
  };
  const comments = (s: OmmSection): readonly string[] => raw.comments?.get(s) ?? NO_COMMENTS;
  const present = (s: OmmSection): boolean =>
    (raw.comments?.get(s)?.length ?? 0) > 0 || (KEYWORDS_BY_SECTION.get(s) ?? []).some((k) => typed.has(k));

  const headerComments = comments('header');
  const gpComment = raw.gp ? values['COMMENT'] : undefined;
  const header: Mutable<OmmHeader> = {
    comments: typeof gpComment === 'string' && gpComment !== '' ? [gpComment] : headerComments,
  };
  copy(header, HEADER_PROPERTIES);
  if (creationDateText !== undefined) header.creationDate = creationDateText;
  const metadata: Mutable<OmmMetadata> = {
    comments: comments('metadata'),
    objectName: text('OBJECT_NAME'),
    objectId: text('OBJECT_ID'),
    centerName: text('CENTER_NAME'),
    refFrame: text('REF_FRAME'),
    timeSystem: text('TIME_SYSTEM'),
    meanElementTheory: text('MEAN_ELEMENT_THEORY'),
  };
  if (refFrameEpochText !== undefined) metadata.refFrameEpoch = refFrameEpochText;
  const meanElements: Mutable<OmmMeanElements> = {
    comments: comments('meanElements'),
    epoch: epochText,
    epochJd,
    eccentricity: num('ECCENTRICITY'),
    inclinationDeg: num('INCLINATION'),
    raanDeg: num('RA_OF_ASC_NODE'),
    argOfPericenterDeg: num('ARG_OF_PERICENTER'),
    meanAnomalyDeg: num('MEAN_ANOMALY'),
  };
  copy(meanElements, MEAN_ELEMENT_PROPERTIES);
  const data: Mutable<OmmData> = { meanElements };
  if (present('spacecraftParameters')) {
    const sp: Mutable<OmmSpacecraftParameters> = { comments: comments('spacecraftParameters') };
    copy(sp, SPACECRAFT_PROPERTIES);
    data.spacecraftParameters = sp;
  }
  if (present('tleParameters')) {
    const tle: Mutable<OmmTleParameters> = { comments: comments('tleParameters') };
    copy(tle, TLE_PROPERTIES);
    if (noradCatIdText !== undefined) tle.noradCatIdText = noradCatIdText;
    data.tleParameters = tle;
  }
  if (covarianceCount > 0) {
    const lowerTriangle = new Float64Array(OMM_COVARIANCE_KEYWORDS.length);
    OMM_COVARIANCE_KEYWORDS.forEach((s, i) => {
      lowerTriangle[i] = num(s.keyword);
    });
    const cov: Mutable<OmmCovarianceMatrix> = { comments: comments('covarianceMatrix'), lowerTriangle };
    copy(cov, [['COV_REF_FRAME', 'covRefFrame']]);
    data.covarianceMatrix = cov;
  }
  if (raw.userDefined && raw.userDefined.size > 0) data.userDefinedParameters = raw.userDefined;
  const message: OmmMessage = {
    header,
    metadata,
    data,
    origin: { file: raw.file, line: raw.line, format: raw.format },
    keywordLines: raw.lines ?? NO_LINES,
  };
  return { message, issues: issues ?? [] };
}

const HEADER_PROPERTIES = [
  ['CCSDS_OMM_VERS', 'formatVersion'],
  ['CLASSIFICATION', 'classification'],
  ['ORIGINATOR', 'originator'],
  ['MESSAGE_ID', 'messageId'],
] as const;
const MEAN_ELEMENT_PROPERTIES = [
  ['SEMI_MAJOR_AXIS', 'semiMajorAxisKm'],
  ['MEAN_MOTION', 'meanMotionRevPerDay'],
  ['GM', 'gmKm3PerS2'],
] as const;
const SPACECRAFT_PROPERTIES = [
  ['MASS', 'massKg'],
  ['SOLAR_RAD_AREA', 'solarRadAreaM2'],
  ['SOLAR_RAD_COEFF', 'solarRadCoeff'],
  ['DRAG_AREA', 'dragAreaM2'],
  ['DRAG_COEFF', 'dragCoeff'],
] as const;
const TLE_PROPERTIES = [
  ['EPHEMERIS_TYPE', 'ephemerisType'],
  ['CLASSIFICATION_TYPE', 'classificationType'],
  ['NORAD_CAT_ID', 'noradCatId'],
  ['ELEMENT_SET_NO', 'elementSetNo'],
  ['REV_AT_EPOCH', 'revAtEpoch'],
  ['BSTAR', 'bstarPerEarthRadii'],
  ['BTERM', 'btermM2PerKg'],
  ['AGOM', 'agomM2PerKg'],
  ['MEAN_MOTION_DOT', 'meanMotionDotRevPerDay2'],
  ['MEAN_MOTION_DDOT', 'meanMotionDdotRevPerDay3'],
] as const;
