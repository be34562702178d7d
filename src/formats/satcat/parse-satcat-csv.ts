import type { ObjectType, RcsSize, SatcatEntry } from '../../core/catalog/satcat-entry.js';
import { readCsvTable } from '../csv/csv-reader.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';

type SatcatFormat = SatcatEntry['origin']['format'];

/** Space-Track `satcat` class CSV columns (all fields quoted). */
export const SPACE_TRACK_SATCAT_COLUMNS: readonly string[] = [
  'INTLDES',
  'NORAD_CAT_ID',
  'OBJECT_TYPE',
  'SATNAME',
  'DEBUT',
  'COUNTRY',
  'LAUNCH',
  'SITE',
  'DECAY',
  'PERIOD',
  'INCLINATION',
  'APOGEE',
  'PERIGEE',
  'COMMENT',
  'COMMENTCODE',
  'RCSVALUE',
  'RCS_SIZE',
  'FILE',
  'LAUNCH_YEAR',
  'LAUNCH_NUM',
  'LAUNCH_PIECE',
  'CURRENT',
  'OBJECT_NAME',
  'OBJECT_ID',
  'OBJECT_NUMBER',
];

/** CelesTrak SATCAT CSV columns (celestrak.org/satcat/satcat-format.php, CSV format of 2023). */
export const CELESTRAK_SATCAT_COLUMNS: readonly string[] = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'NORAD_CAT_ID',
  'OBJECT_TYPE',
  'OPS_STATUS_CODE',
  'OWNER',
  'LAUNCH_DATE',
  'LAUNCH_SITE',
  'DECAY_DATE',
  'PERIOD',
  'INCLINATION',
  'APOGEE',
  'PERIGEE',
  'RCS',
  'DATA_STATUS_CODE',
  'ORBIT_CENTER',
  'ORBIT_TYPE',
];

/** Columns each dialect must have; the others are read when present. */
const REQUIRED: Record<SatcatFormat, readonly string[]> = {
  'satcat-spacetrack': ['INTLDES', 'NORAD_CAT_ID', 'OBJECT_TYPE', 'SATNAME', 'COUNTRY', 'LAUNCH', 'DECAY'],
  'satcat-celestrak': [
    'OBJECT_NAME',
    'OBJECT_ID',
    'NORAD_CAT_ID',
    'OBJECT_TYPE',
    'OWNER',
    'LAUNCH_DATE',
    'DECAY_DATE',
  ],
};

const OBJECT_TYPES: ReadonlyMap<string, ObjectType> = new Map([
  ['PAYLOAD', 'PAYLOAD'],
  ['ROCKET BODY', 'ROCKET BODY'],
  ['DEBRIS', 'DEBRIS'],
  ['UNKNOWN', 'UNKNOWN'],
  ['TBA', 'UNKNOWN'], // Space-Track: "to be assigned"
  ['PAY', 'PAYLOAD'],
  ['R/B', 'ROCKET BODY'],
  ['DEB', 'DEBRIS'],
  ['UNK', 'UNKNOWN'],
]);

const RCS_SIZES: ReadonlySet<string> = new Set(['SMALL', 'MEDIUM', 'LARGE']);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;

/**
 * SATCAT CSV from Space-Track (`INTLDES,NORAD_CAT_ID,OBJECT_TYPE,SATNAME,...`) or CelesTrak
 * (`OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,...`), recognised by the header.
 * Empty cells leave optional fields absent. Space-Track's RCSVALUE is 0 in public data and is only kept
 * when positive. Object types are normalised (`PAY` → `PAYLOAD`, `TBA`/`UNK` → `UNKNOWN` ...); an unknown
 * type is kept as UNKNOWN with a warning. Dates keep their `YYYY-MM-DD` part.
 */
export function parseSatcatCsv(text: string, file: string): ParseOutcome<SatcatEntry> {
  const table = readCsvTable(text, file);
  const issues: RecordIssue[] = table.issues;
  const records: SatcatEntry[] = [];
  const header = table.header;
  const fileIssue = (field: string, code: string, message: string) =>
    issues.push({ file, line: table.headerLine, field, code, message, severity: 'error' });
  if (header.length === 0) return { records, issues };

  const format: SatcatFormat | undefined = header.includes('SATNAME')
    ? 'satcat-spacetrack'
    : header.includes('OWNER')
      ? 'satcat-celestrak'
      : undefined;
  if (format === undefined) {
    fileIssue(
      'header',
      'SATCAT_UNKNOWN_HEADER',
      'header is neither Space-Track SATCAT (INTLDES,NORAD_CAT_ID,OBJECT_TYPE,SATNAME,...) nor CelesTrak SATCAT (OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,...)',
    );
    return { records, issues };
  }
  const missing = REQUIRED[format].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    fileIssue(
      missing[0] ?? 'header',
      'SATCAT_MISSING_COLUMN',
      `header lacks column(s) ${missing.join(', ')}`,
    );
    return { records, issues };
  }
  const known = format === 'satcat-spacetrack' ? SPACE_TRACK_SATCAT_COLUMNS : CELESTRAK_SATCAT_COLUMNS;
  header.forEach((name, i) => {
    if (!known.includes(name)) {
      issues.push({
        file,
        line: table.headerLine,
        field: name,
        code: 'SATCAT_UNKNOWN_COLUMN',
        message: `column ${i + 1} '${name}' is not a ${format === 'satcat-spacetrack' ? 'Space-Track' : 'CelesTrak'} SATCAT column; ignored`,
        severity: 'warning',
      });
    }
  });
  const col = (name: string): number => header.indexOf(name);
  const st = format === 'satcat-spacetrack';
  const c = {
    id: col('NORAD_CAT_ID'),
    objectId: col(st ? 'INTLDES' : 'OBJECT_ID'),
    name: col(st ? 'SATNAME' : 'OBJECT_NAME'),
    type: col('OBJECT_TYPE'),
    owner: col(st ? 'COUNTRY' : 'OWNER'),
    launch: col(st ? 'LAUNCH' : 'LAUNCH_DATE'),
    site: col(st ? 'SITE' : 'LAUNCH_SITE'),
    decay: col(st ? 'DECAY' : 'DECAY_DATE'),
    period: col('PERIOD'),
    inclination: col('INCLINATION'),
    apogee: col('APOGEE'),
    perigee: col('PERIGEE'),
    rcsSize: col('RCS_SIZE'),
    rcs: col(st ? 'RCSVALUE' : 'RCS'),
    comment: col('COMMENT'),
    ops: col('OPS_STATUS_CODE'),
    dataStatus: col('DATA_STATUS_CODE'),
    orbitCenter: col('ORBIT_CENTER'),
    orbitType: col('ORBIT_TYPE'),
  };

  for (const row of table.rows) {
    const cell = (index: number): string => (index < 0 ? '' : (row.fields[index] ?? '').trim());
    let rejected = false;
    const report = (
      index: number,
      code: string,
      message: string,
      severity: 'error' | 'warning' = 'error',
    ) => {
      issues.push({ file, line: row.line, field: header[index] ?? 'row', code, message, severity });
      if (severity === 'error') rejected = true;
    };
    const number = (index: number): number | undefined => {
      const s = cell(index);
      if (s === '') return undefined;
      const n = Number(s);
      if (!Number.isFinite(n)) {
        report(index, 'NOT_A_NUMBER', `${header[index]} value '${s}' is not a number`);
        return undefined;
      }
      return n;
    };
    const date = (index: number): string | undefined => {
      const s = cell(index);
      if (s === '') return undefined;
      if (!DATE.test(s)) {
        report(index, 'SATCAT_INVALID_DATE', `${header[index]} value '${s}' is not a YYYY-MM-DD date`);
        return undefined;
      }
      return s.slice(0, 10);
    };

    const idText = cell(c.id);
    const noradCatId = Number(idText);
    if (idText === '' || !Number.isInteger(noradCatId) || noradCatId < 0) {
      report(c.id, 'NOT_AN_INTEGER', `NORAD_CAT_ID value '${idText}' is not a catalog number`);
    }
    const typeText = cell(c.type).toUpperCase();
    let objectType = OBJECT_TYPES.get(typeText);
    if (objectType === undefined) {
      report(
        c.type,
        'SATCAT_UNKNOWN_OBJECT_TYPE',
        `OBJECT_TYPE '${typeText}' is not known; kept as UNKNOWN`,
        'warning',
      );
      objectType = 'UNKNOWN';
    }
    const entry: { -readonly [K in keyof SatcatEntry]: SatcatEntry[K] } = {
      noradCatId,
      objectId: cell(c.objectId),
      objectName: cell(c.name),
      objectType,
      ownerCode: cell(c.owner),
      origin: { file, line: row.line, format },
    };
    const launchDate = date(c.launch);
    if (launchDate !== undefined) entry.launchDate = launchDate;
    const launchSite = cell(c.site);
    if (launchSite !== '') entry.launchSite = launchSite;
    const decayDate = date(c.decay);
    if (decayDate !== undefined) entry.decayDate = decayDate;
    const periodMin = number(c.period);
    if (periodMin !== undefined) entry.periodMin = periodMin;
    const inclinationDeg = number(c.inclination);
    if (inclinationDeg !== undefined) entry.inclinationDeg = inclinationDeg;
    const apogeeKm = number(c.apogee);
    if (apogeeKm !== undefined) entry.apogeeKm = apogeeKm;
    const perigeeKm = number(c.perigee);
    if (perigeeKm !== undefined) entry.perigeeKm = perigeeKm;
    const rcsText = cell(c.rcsSize).toUpperCase();
    if (rcsText !== '') {
      if (RCS_SIZES.has(rcsText)) entry.rcsSize = rcsText as RcsSize;
      else
        report(
          c.rcsSize,
          'SATCAT_UNKNOWN_RCS_SIZE',
          `RCS_SIZE '${rcsText}' is not SMALL, MEDIUM or LARGE; ignored`,
          'warning',
        );
    }
    const rcsM2 = number(c.rcs);
    if (rcsM2 !== undefined && rcsM2 > 0) entry.rcsM2 = rcsM2;
    const comment = cell(c.comment);
    if (comment !== '') entry.comment = comment;
    const ops = cell(c.ops);
    if (ops !== '') entry.opsStatusCode = ops;
    const dataStatus = cell(c.dataStatus);
    if (dataStatus !== '') entry.dataStatusCode = dataStatus;
    const orbitCenter = cell(c.orbitCenter);
    if (orbitCenter !== '') entry.orbitCenter = orbitCenter;
    const orbitType = cell(c.orbitType);
    if (orbitType !== '') entry.orbitType = orbitType;
    if (!rejected) records.push(entry);
  }
  return { records, issues };
}
