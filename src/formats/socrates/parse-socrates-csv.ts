import { readCsvTable } from '../csv/csv-reader.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';

/**
 * One CelesTrak SOCRATES conjunction row as republished with the element sets SOCRATES used
 * (columns `extract_date, extract_sort, sat1_norad, sat1_name, …, sat1_tle, sat2_tle, sgp4_range_km_at_tca`).
 * Times are SOCRATES' own text (`2020 Dec 09 00:03:06.880`, UTC); see `socratesTimeUnixMs`.
 */
export interface SocratesRow {
  readonly line: number;
  readonly extractDate: string;
  readonly extractSort: string;
  readonly sat1Norad: number;
  readonly sat1Name: string;
  readonly sat2Norad: number;
  readonly sat2Name: string;
  readonly tcaTime: string;
  readonly startTime: string;
  readonly stopTime: string;
  readonly minRangeKm: number;
  readonly relSpeedKmS: number;
  /** Both TLE lines of each object (the CSV joins them with a comma inside one quoted field). */
  readonly sat1Tle: readonly [string, string];
  readonly sat2Tle: readonly [string, string];
  /** Range recomputed with SGP4 at SOCRATES' TCA by the republisher, km. */
  readonly sgp4RangeKmAtTca: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** SOCRATES time text `YYYY Mon DD hh:mm:ss.sss` (UTC) to Unix ms; NaN when malformed. */
export function socratesTimeUnixMs(text: string): number {
  const m = /^(\d{4}) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const month = MONTHS.indexOf(m[2] as string);
  if (month < 0) return Number.NaN;
  const seconds = Number(m[6]);
  return Date.UTC(Number(m[1]), month, Number(m[3]), Number(m[4]), Number(m[5])) + seconds * 1000;
}

const REQUIRED = [
  'EXTRACT_DATE',
  'EXTRACT_SORT',
  'SAT1_NORAD',
  'SAT1_NAME',
  'SAT2_NORAD',
  'SAT2_NAME',
  'TCA_TIME',
  'START_TIME',
  'STOP_TIME',
  'MIN_RNG_KM',
  'REL_VELO_KMS',
  'SAT1_TLE',
  'SAT2_TLE',
  'SGP4_RANGE_KM_AT_TCA',
] as const;

/** Read the SOCRATES-with-TLEs CSV; rows with a missing or malformed field are reported with line and column. */
export function parseSocratesCsv(text: string, file: string): ParseOutcome<SocratesRow> {
  const table = readCsvTable(text, file);
  const issues: RecordIssue[] = [...table.issues];
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const name of REQUIRED) {
    if (!col.has(name)) {
      issues.push({
        file,
        line: table.headerLine,
        field: name,
        code: 'SOCRATES_MISSING_COLUMN',
        message: `column ${name} is missing`,
        severity: 'error',
      });
    }
  }
  if (issues.some((i) => i.severity === 'error' && i.code === 'SOCRATES_MISSING_COLUMN'))
    return { records: [], issues };
  const records: SocratesRow[] = [];
  for (const row of table.rows) {
    const get = (name: (typeof REQUIRED)[number]) => (row.fields[col.get(name) as number] ?? '').trim();
    const bad = (field: string, message: string) =>
      issues.push({ file, line: row.line, field, code: 'SOCRATES_BAD_FIELD', message, severity: 'error' });
    const num = (name: (typeof REQUIRED)[number]) => {
      const v = Number(get(name));
      if (get(name) === '' || !Number.isFinite(v)) bad(name, `${name} '${get(name)}' is not a number`);
      return v;
    };
    const tle = (name: 'SAT1_TLE' | 'SAT2_TLE'): [string, string] => {
      const parts = get(name).split(',');
      if (parts.length !== 2 || !parts[0]?.startsWith('1 ') || !parts[1]?.startsWith('2 '))
        bad(name, `${name} must hold TLE line 1 and line 2 separated by a comma`);
      return [parts[0] ?? '', parts[1] ?? ''];
    };
    const before = issues.length;
    const record: SocratesRow = {
      line: row.line,
      extractDate: get('EXTRACT_DATE'),
      extractSort: get('EXTRACT_SORT'),
      sat1Norad: num('SAT1_NORAD'),
      sat1Name: get('SAT1_NAME'),
      sat2Norad: num('SAT2_NORAD'),
      sat2Name: get('SAT2_NAME'),
      tcaTime: get('TCA_TIME'),
      startTime: get('START_TIME'),
      stopTime: get('STOP_TIME'),
      minRangeKm: num('MIN_RNG_KM'),
      relSpeedKmS: num('REL_VELO_KMS'),
      sat1Tle: tle('SAT1_TLE'),
      sat2Tle: tle('SAT2_TLE'),
      sgp4RangeKmAtTca: num('SGP4_RANGE_KM_AT_TCA'),
    };
    for (const name of ['TCA_TIME', 'START_TIME', 'STOP_TIME'] as const) {
      if (Number.isNaN(socratesTimeUnixMs(get(name))))
        bad(name, `${name} '${get(name)}' is not 'YYYY Mon DD hh:mm:ss.sss'`);
    }
    if (issues.length === before) records.push(record);
  }
  return { records, issues };
}
