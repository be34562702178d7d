import type { ElementSetFormat } from '../../core/orbits/element-set.js';
import { tleChecksum } from '../../core/propagation/tle-field-text.js';
import { formatIsoUtc } from '../../core/time/iso-8601.js';
import { julianDateFromDayOfYear } from '../../core/time/julian-date.js';
import type { UtcInstant } from '../../core/time/time-scale.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';
import { decodeAlpha5Columns } from './alpha5.js';
import type { TleColumnStyle, TleElementSet } from './tle-element-set.js';

/**
 * Issue codes of the TLE/3LE reader (all `error` severity unless noted: the record is rejected and reading
 * goes on with the next one).
 * - `TLE_CHECKSUM`: the modulo-10 checksum in column 69 does not match columns 1-68.
 * - `TLE_ID_MISMATCH`: line 1 and line 2 carry different catalog numbers.
 * - `TLE_TRUNCATED`: a line is shorter than 69 columns; the message names the missing columns and fields.
 * - `TLE_LINE_TOO_LONG`: a line is longer than 69 columns (after trailing blanks are removed).
 * - `TLE_LINE_NUMBER`: a line 1 without a line 2 after it, or a line 2 without a line 1 before it.
 * - `TLE_COLUMN_LAYOUT`: a column that must be blank is not (the fields are shifted).
 * - `NOT_A_NUMBER`: a numeric field holds something else; the field names its columns.
 * - `TLE_BAD_CATALOG_NUMBER`: columns 3-7 are neither 5 digits nor Alpha-5.
 * - `TLE_EPOCH_OUT_OF_RANGE`: the day of year is outside 1..365/366.
 * - `TLE_ORPHAN_LINE`: a line that is neither a TLE line nor the name line of a following TLE.
 * - `TLE_NAME_TOO_LONG` (warning): a CelesTrak-style name line longer than 24 characters (kept).
 * - `TLE_BAD_INTL_DESIGNATOR` (warning): columns 10-17 are not `YYNNNPPP`; OBJECT_ID is left empty.
 * - `TLE_BAD_CLASSIFICATION` (warning): column 8 is not U, C or S (kept as written).
 */
export type TleIssueCode =
  | 'TLE_CHECKSUM'
  | 'TLE_ID_MISMATCH'
  | 'TLE_TRUNCATED'
  | 'TLE_LINE_TOO_LONG'
  | 'TLE_LINE_NUMBER'
  | 'TLE_COLUMN_LAYOUT'
  | 'NOT_A_NUMBER'
  | 'TLE_BAD_CATALOG_NUMBER'
  | 'TLE_EPOCH_OUT_OF_RANGE'
  | 'TLE_ORPHAN_LINE'
  | 'TLE_NAME_TOO_LONG'
  | 'TLE_BAD_INTL_DESIGNATOR'
  | 'TLE_BAD_CLASSIFICATION';

/** Longest name line CelesTrak writes (Space-Track's `0 ` lines may be longer). */
export const TLE_NAME_MAX_LENGTH = 24;
export const TLE_LINE_LENGTH = 69;

/** Fields in column order: [name, first column, last column] (1-based, inclusive), as Report #3 numbers them. */
const LINE1_FIELDS: readonly (readonly [string, number, number])[] = [
  ['LINE_NUMBER', 1, 1],
  ['CATALOG_NUMBER', 3, 7],
  ['CLASSIFICATION', 8, 8],
  ['INTL_DESIGNATOR', 10, 17],
  ['EPOCH_YEAR', 19, 20],
  ['EPOCH_DAY', 21, 32],
  ['MEAN_MOTION_DOT', 34, 43],
  ['MEAN_MOTION_DDOT', 45, 52],
  ['BSTAR', 54, 61],
  ['EPHEMERIS_TYPE', 63, 63],
  ['ELEMENT_SET_NO', 65, 68],
  ['CHECKSUM', 69, 69],
];
const LINE2_FIELDS: readonly (readonly [string, number, number])[] = [
  ['LINE_NUMBER', 1, 1],
  ['CATALOG_NUMBER', 3, 7],
  ['INCLINATION', 9, 16],
  ['RA_OF_ASC_NODE', 18, 25],
  ['ECCENTRICITY', 27, 33],
  ['ARG_OF_PERICENTER', 35, 42],
  ['MEAN_ANOMALY', 44, 51],
  ['MEAN_MOTION', 53, 63],
  ['REV_AT_EPOCH', 64, 68],
  ['CHECKSUM', 69, 69],
];
/** 1-based columns that are blank in a well-formed line. */
const LINE1_BLANKS = [2, 9, 18, 33, 44, 53, 62, 64];
const LINE2_BLANKS = [2, 8, 17, 26, 34, 43, 52];

function fieldLabel(name: string, lineNo: 1 | 2, first: number, last: number): string {
  return first === last
    ? `${name} (line ${lineNo} col ${first})`
    : `${name} (line ${lineNo} cols ${first}-${last})`;
}

const NAN = Number.NaN;

/**
 * A fixed-point decimal in `line[start, end)`: blanks, optional sign, digits with at most one point, blanks.
 * Returns NaN for anything else (including an all-blank field). Character checks instead of a regex per
 * field keep a 26,000-object catalog well under 100 ms.
 */
function parseDecimal(line: string, start: number, end: number): number {
  let i = start;
  while (i < end && line.charCodeAt(i) === 32) i++;
  const numberStart = i;
  const c0 = line.charCodeAt(i);
  if (c0 === 43 || c0 === 45) i++;
  let digits = 0;
  let points = 0;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46) points++;
    else break;
  }
  const numberEnd = i;
  while (i < end && line.charCodeAt(i) === 32) i++;
  if (i !== end || digits === 0 || points > 1) return NAN;
  return Number(line.slice(numberStart, numberEnd));
}

/** A non-negative integer field; an all-blank field reads as 0 (old element sets leave these blank). */
function parseBlankableInteger(line: string, start: number, end: number): number {
  let i = start;
  while (i < end && line.charCodeAt(i) === 32) i++;
  if (i === end) return 0;
  let value = 0;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return NAN;
    value = value * 10 + (c - 48);
  }
  return value;
}

function allDigits(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The 8-column implied-decimal exponent field `[sign][5 digits][sign][digit]` (value ±0.ddddd × 10^±e).
 * The number is built from the same decimal text SGP4's reader builds, so it is the same double.
 */
function parseExponentField(line: string, start: number): number {
  const sign = line.charCodeAt(start);
  const expSign = line.charCodeAt(start + 6);
  if (sign !== 32 && sign !== 43 && sign !== 45) return NAN;
  if (expSign !== 43 && expSign !== 45) return NAN;
  if (!allDigits(line, start + 1, start + 6) || !allDigits(line, start + 7, start + 8)) return NAN;
  return Number(
    `${sign === 45 ? '-' : ''}0.${line.slice(start + 1, start + 6)}e${line.charAt(start + 6)}${line.charAt(start + 7)}`,
  );
}

function isTleLine(line: string, lineNumberChar: '1' | '2'): boolean {
  return line.charAt(0) === lineNumberChar && line.charAt(1) === ' ';
}

interface NameLine {
  readonly name: string;
  readonly lineNo: number;
}

/**
 * Read two-line element sets from text: plain 2-line sets, Space-Track 3LE (a `0 NAME` line before line 1)
 * and CelesTrak 3LE (a bare name line of up to 24 characters). CRLF and LF may be mixed; trailing blanks
 * and blank lines are ignored. Every rejected record and every unrecognised line is reported with file,
 * 1-based line and field; nothing throws on bad input.
 *
 * Each record's `origin.line` is the line number of its line 1. Blank fields read as: classification → `U`,
 * ephemeris type / element set number / revolution number → 0, international designator → empty OBJECT_ID.
 */
export function parseTle(text: string, file: string): ParseOutcome<TleElementSet> {
  const records: TleElementSet[] = [];
  const issues: RecordIssue[] = [];
  const rawLines = text.split('\n');
  const lineCount = rawLines.length;
  const lines: string[] = new Array<string>(lineCount);
  for (let i = 0; i < lineCount; i++) lines[i] = (rawLines[i] ?? '').trimEnd();

  const issue = (
    line: number,
    field: string,
    code: TleIssueCode,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => {
    issues.push({ file, line, field, code, message, severity });
  };

  const nextNonBlank = (from: number): number => {
    let j = from;
    while (j < lineCount && (lines[j] ?? '') === '') j++;
    return j;
  };

  let pendingName: NameLine | undefined;
  const reportOrphanName = () => {
    if (pendingName) {
      issue(
        pendingName.lineNo,
        'NAME',
        'TLE_ORPHAN_LINE',
        `'${pendingName.name}' is not followed by a TLE line 1; ignored`,
      );
      pendingName = undefined;
    }
  };

  let i = 0;
  while (i < lineCount) {
    const line = lines[i] ?? '';
    if (line === '') {
      i++;
      continue;
    }
    const j = nextNonBlank(i + 1);
    const next = lines[j] ?? '';
    if (isTleLine(line, '1') && isTleLine(next, '2')) {
      const parsed = parseRecord(line, next, i + 1, j + 1, pendingName, file, issue);
      if (parsed) records.push(parsed);
      pendingName = undefined;
      i = j + 1;
      continue;
    }
    // A short line followed by a line 1 is a name line, even if it happens to start with `1 ` or `2 `.
    const looksLikeName =
      line.startsWith('0 ') || (line.length <= TLE_NAME_MAX_LENGTH && isTleLine(next, '1'));
    if (!looksLikeName && (isTleLine(line, '1') || isTleLine(line, '2'))) {
      reportOrphanName();
      const lineNumber = line.charAt(0);
      issue(
        i + 1,
        fieldLabel('LINE_NUMBER', lineNumber === '1' ? 1 : 2, 1, 1),
        'TLE_LINE_NUMBER',
        lineNumber === '1'
          ? 'line 1 is not followed by a line 2; record ignored'
          : 'line 2 is not preceded by a line 1; record ignored',
      );
      i++;
      continue;
    }
    reportOrphanName();
    if (line.startsWith('0 ')) {
      pendingName = { name: line.slice(2).trim(), lineNo: i + 1 };
    } else {
      const name = line.trim();
      if (name.length > TLE_NAME_MAX_LENGTH) {
        issue(
          i + 1,
          'NAME',
          'TLE_NAME_TOO_LONG',
          `name line has ${name.length} characters (CelesTrak 3LE names have at most ${TLE_NAME_MAX_LENGTH})`,
          'warning',
        );
      }
      pendingName = { name, lineNo: i + 1 };
    }
    i++;
  }
  reportOrphanName();
  return { records, issues };
}

type IssueSink = (
  line: number,
  field: string,
  code: TleIssueCode,
  message: string,
  severity?: 'error' | 'warning',
) => void;

/** Shape checks common to both lines: length, blank separator columns, checksum. False rejects the record. */
function checkLineShape(
  line: string,
  lineNo: 1 | 2,
  fileLine: number,
  fields: readonly (readonly [string, number, number])[],
  blanks: readonly number[],
  issue: IssueSink,
): boolean {
  if (line.length < TLE_LINE_LENGTH) {
    const missing = fields.filter(([, , last]) => last > line.length).map(([name]) => name);
    issue(
      fileLine,
      fieldLabel(missing[0] ?? 'CHECKSUM', lineNo, line.length + 1, TLE_LINE_LENGTH),
      'TLE_TRUNCATED',
      `line ${lineNo} has ${line.length} columns, 69 expected: columns ${line.length + 1}-69 ` +
        `(${missing.join(', ')}) are missing`,
    );
    return false;
  }
  if (line.length > TLE_LINE_LENGTH) {
    issue(
      fileLine,
      `line ${lineNo} cols 70-${line.length}`,
      'TLE_LINE_TOO_LONG',
      `line ${lineNo} has ${line.length} columns, 69 expected: unexpected text '${line.slice(69)}' after the checksum`,
    );
    return false;
  }
  let good = true;
  for (const column of blanks) {
    if (line.charCodeAt(column - 1) !== 32) {
      issue(
        fileLine,
        `line ${lineNo} col ${column}`,
        'TLE_COLUMN_LAYOUT',
        `column ${column} must be blank but holds '${line.charAt(column - 1)}' (fields shifted?)`,
      );
      good = false;
    }
  }
  const written = line.charCodeAt(68) - 48;
  if (written < 0 || written > 9) {
    issue(
      fileLine,
      fieldLabel('CHECKSUM', lineNo, 69, 69),
      'NOT_A_NUMBER',
      `checksum '${line.charAt(68)}' is not a digit`,
    );
    return false;
  }
  const computed = tleChecksum(line);
  if (computed !== written) {
    issue(
      fileLine,
      fieldLabel('CHECKSUM', lineNo, 69, 69),
      'TLE_CHECKSUM',
      `checksum is ${written} but columns 1-68 sum to ${computed} (mod 10): the line is corrupted`,
    );
    good = false;
  }
  return good;
}

function parseRecord(
  line1: string,
  line2: string,
  line1No: number,
  line2No: number,
  name: NameLine | undefined,
  file: string,
  issue: IssueSink,
): TleElementSet | undefined {
  const shape1 = checkLineShape(line1, 1, line1No, LINE1_FIELDS, LINE1_BLANKS, issue);
  const shape2 = checkLineShape(line2, 2, line2No, LINE2_FIELDS, LINE2_BLANKS, issue);
  if (!(shape1 && shape2)) return undefined;
  let good = true;
  const notANumber = (fileLine: number, lineNo: 1 | 2, fieldName: string, first: number, last: number) => {
    issue(
      fileLine,
      fieldLabel(fieldName, lineNo, first, last),
      'NOT_A_NUMBER',
      `'${(lineNo === 1 ? line1 : line2).slice(first - 1, last)}' is not a valid ${fieldName}`,
    );
    good = false;
  };

  // Catalog numbers: both lines, decoded (Alpha-5 aware), must agree.
  const idColumns1 = line1.slice(2, 7);
  const idColumns2 = line2.slice(2, 7);
  const noradCatId = decodeAlpha5Columns(idColumns1);
  const noradCatId2 = decodeAlpha5Columns(idColumns2);
  if (noradCatId < 0 || noradCatId2 < 0) {
    const [badLine, badNo, badText] =
      noradCatId < 0 ? ([line1No, 1, idColumns1] as const) : ([line2No, 2, idColumns2] as const);
    issue(
      badLine,
      fieldLabel('CATALOG_NUMBER', badNo, 3, 7),
      'TLE_BAD_CATALOG_NUMBER',
      `'${badText}' is neither a 5-digit catalog number nor Alpha-5 (letter A-Z except I and O + 4 digits)`,
    );
    good = false;
  } else if (noradCatId !== noradCatId2) {
    issue(
      line2No,
      fieldLabel('CATALOG_NUMBER', 2, 3, 7),
      'TLE_ID_MISMATCH',
      `line 2 catalog number '${idColumns2}' differs from line 1 '${idColumns1}' (lines of different objects?)`,
    );
    good = false;
  }

  let classification = line1.charAt(7);
  if (classification === ' ') classification = 'U';
  else if (classification !== 'U' && classification !== 'C' && classification !== 'S') {
    issue(
      line1No,
      fieldLabel('CLASSIFICATION', 1, 8, 8),
      'TLE_BAD_CLASSIFICATION',
      `classification '${classification}' is not U, C or S`,
      'warning',
    );
  }

  const objectId = parseIntlDesignator(line1, line1No, issue);

  // Epoch: two-digit year, pivot 57 (57..99 → 1957..1999, 00..56 → 2000..2056), then day of year.
  let epoch: UtcInstant | undefined;
  const epochYear2 = allDigits(line1, 18, 20) ? Number(line1.slice(18, 20)) : NAN;
  const epochDay = parseDecimal(line1, 20, 32);
  if (Number.isNaN(epochYear2)) notANumber(line1No, 1, 'EPOCH_YEAR', 19, 20);
  if (Number.isNaN(epochDay)) notANumber(line1No, 1, 'EPOCH_DAY', 21, 32);
  if (!Number.isNaN(epochYear2) && !Number.isNaN(epochDay)) {
    const year = epochYear2 < 57 ? 2000 + epochYear2 : 1900 + epochYear2;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (epochDay < 1 || epochDay >= (leap ? 367 : 366)) {
      issue(
        line1No,
        fieldLabel('EPOCH_DAY', 1, 21, 32),
        'TLE_EPOCH_OUT_OF_RANGE',
        `day of year ${epochDay} is outside 1..${leap ? 366 : 365} of ${year}`,
      );
      good = false;
    } else {
      epoch = { scale: 'UTC', jd: julianDateFromDayOfYear(year, epochDay) };
    }
  }

  const meanMotionDot = parseDecimal(line1, 33, 43);
  if (Number.isNaN(meanMotionDot)) notANumber(line1No, 1, 'MEAN_MOTION_DOT', 34, 43);
  const meanMotionDdot = parseExponentField(line1, 44);
  if (Number.isNaN(meanMotionDdot)) notANumber(line1No, 1, 'MEAN_MOTION_DDOT', 45, 52);
  const bstar = parseExponentField(line1, 53);
  if (Number.isNaN(bstar)) notANumber(line1No, 1, 'BSTAR', 54, 61);
  const ephemerisType = parseBlankableInteger(line1, 62, 63);
  if (Number.isNaN(ephemerisType)) notANumber(line1No, 1, 'EPHEMERIS_TYPE', 63, 63);
  const elementSetNo = parseBlankableInteger(line1, 64, 68);
  if (Number.isNaN(elementSetNo)) notANumber(line1No, 1, 'ELEMENT_SET_NO', 65, 68);

  const inclinationDeg = parseDecimal(line2, 8, 16);
  if (Number.isNaN(inclinationDeg)) notANumber(line2No, 2, 'INCLINATION', 9, 16);
  const raanDeg = parseDecimal(line2, 17, 25);
  if (Number.isNaN(raanDeg)) notANumber(line2No, 2, 'RA_OF_ASC_NODE', 18, 25);
  const eccentricity = allDigits(line2, 26, 33) ? Number(`0.${line2.slice(26, 33)}`) : NAN;
  if (Number.isNaN(eccentricity)) notANumber(line2No, 2, 'ECCENTRICITY', 27, 33);
  const argOfPericenterDeg = parseDecimal(line2, 34, 42);
  if (Number.isNaN(argOfPericenterDeg)) notANumber(line2No, 2, 'ARG_OF_PERICENTER', 35, 42);
  const meanAnomalyDeg = parseDecimal(line2, 43, 51);
  if (Number.isNaN(meanAnomalyDeg)) notANumber(line2No, 2, 'MEAN_ANOMALY', 44, 51);
  const meanMotionRevPerDay = parseDecimal(line2, 52, 63);
  if (Number.isNaN(meanMotionRevPerDay)) notANumber(line2No, 2, 'MEAN_MOTION', 53, 63);
  const revAtEpoch = parseBlankableInteger(line2, 63, 68);
  if (Number.isNaN(revAtEpoch)) notANumber(line2No, 2, 'REV_AT_EPOCH', 64, 68);

  if (!good || epoch === undefined) return undefined;

  const tleStyle: TleColumnStyle = {
    catalogNumberColumns: idColumns1,
    meanMotionDotPositiveSign: line1.charAt(33) === '+' ? '+' : ' ',
    meanMotionDdotPositiveSign: line1.charAt(44) === '+' ? '+' : ' ',
    bstarPositiveSign: line1.charAt(53) === '+' ? '+' : ' ',
    meanMotionDdotZeroExponentSign: line1.charAt(50) === '+' ? '+' : '-',
    bstarZeroExponentSign: line1.charAt(59) === '+' ? '+' : '-',
    line2ZeroPadded:
      line2.charAt(8) === '0' ||
      line2.charAt(17) === '0' ||
      line2.charAt(34) === '0' ||
      line2.charAt(43) === '0' ||
      line2.charAt(52) === '0' ||
      line2.charAt(63) === '0',
  };
  const format: ElementSetFormat = name ? '3le' : 'tle';
  return {
    catalogId: idColumns1.trim(),
    noradCatId,
    objectName: name?.name ?? '',
    objectId,
    classification,
    epoch,
    epochIso: formatIsoUtc(epoch, 6),
    meanMotionRevPerDay,
    eccentricity,
    inclinationDeg,
    raanDeg,
    argOfPericenterDeg,
    meanAnomalyDeg,
    bstarPerEarthRadii: bstar,
    meanMotionDotRevPerDay2: meanMotionDot,
    meanMotionDdotRevPerDay3: meanMotionDdot,
    ephemerisType,
    elementSetNo,
    revAtEpoch,
    origin: { file, line: line1No, format },
    tleStyle,
  };
}

/** Columns 10-17 `YYNNNPPP` → OBJECT_ID `YYYY-NNNPPP` (launch year pivot 57); blank → ''. */
function parseIntlDesignator(line1: string, line1No: number, issue: IssueSink): string {
  const columns = line1.slice(9, 17);
  if (columns.trim() === '') return '';
  const piece = columns.slice(5).trimEnd();
  let pieceOk = true;
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k);
    if (c < 65 || c > 90) pieceOk = false;
  }
  if (!allDigits(columns, 0, 5) || !pieceOk) {
    issue(
      line1No,
      fieldLabel('INTL_DESIGNATOR', 1, 10, 17),
      'TLE_BAD_INTL_DESIGNATOR',
      `'${columns}' is not an international designator YYNNNPPP; OBJECT_ID left empty`,
      'warning',
    );
    return '';
  }
  const yy = Number(columns.slice(0, 2));
  return `${yy < 57 ? 2000 + yy : 1900 + yy}-${columns.slice(2, 5)}${piece}`;
}
