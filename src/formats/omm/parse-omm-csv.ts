import type { ElementSet } from '../../core/orbits/element-set.js';
import { readCsvTable } from '../csv/csv-reader.js';
import type { ParseOutcome, RecordIssue } from '../record-issue.js';
import { elementSetsFromMessages, ommMessagesFromRecords } from './omm-element-set.js';
import { OMM_KEYWORD_TABLE, SPACE_TRACK_GP_EXTRA_KEYS, USER_DEFINED_PREFIX } from './omm-keywords.js';
import type { OmmMessage } from './omm-message.js';
import type { OmmRawRecord } from './omm-message-builder.js';

/**
 * CelesTrak / Space-Track GP CSV (RFC 4180): a header row of OMM keyword names, one element set per row.
 * Empty cells mean absent; header and metadata columns are optional (GP defaults EARTH, TEME, UTC, SGP4).
 * Unknown columns are reported once, as a warning on the header line, and ignored.
 */
export function parseOmmCsvMessages(text: string, file: string): ParseOutcome<OmmMessage> {
  const table = readCsvTable(text, file);
  const issues: RecordIssue[] = table.issues;
  type Column = { index: number; key: string; kind: 'omm' | 'user' | 'comment' };
  const columns: Column[] = [];
  table.header.forEach((key, index) => {
    if (OMM_KEYWORD_TABLE.has(key)) columns.push({ index, key, kind: 'omm' });
    else if (key.startsWith(USER_DEFINED_PREFIX)) {
      columns.push({ index, key: key.slice(USER_DEFINED_PREFIX.length), kind: 'user' });
    } else if (key === 'COMMENT') columns.push({ index, key, kind: 'comment' });
    else if (!SPACE_TRACK_GP_EXTRA_KEYS.has(key)) {
      issues.push({
        file,
        line: table.headerLine,
        field: key,
        code: 'OMM_UNKNOWN_KEYWORD',
        message: `column ${index + 1} '${key}' is not an OMM keyword; ignored`,
        severity: 'warning',
      });
    }
  });
  const records: OmmRawRecord[] = [];
  for (const row of table.rows) {
    const values: Record<string, string> = {};
    let userDefined: Map<string, string> | undefined;
    for (const column of columns) {
      const value = row.fields[column.index] ?? '';
      if (column.kind === 'user') {
        userDefined ??= new Map();
        userDefined.set(column.key, value);
      } else values[column.key] = value;
    }
    const raw: OmmRawRecord = {
      file,
      format: 'omm-csv',
      line: row.line,
      gp: true,
      values,
      lines: undefined,
      units: undefined,
      comments: undefined,
      userDefined,
      readerIssues: undefined,
    };
    records.push(raw);
  }
  const built = ommMessagesFromRecords(records);
  return { records: built.records, issues: [...issues, ...built.issues] };
}

/** GP CSV → SGP4 element sets. */
export function parseOmmCsv(text: string, file: string): ParseOutcome<ElementSet> {
  const messages = parseOmmCsvMessages(text, file);
  const sets = elementSetsFromMessages(messages.records);
  return { records: sets.records, issues: [...messages.issues, ...sets.issues] };
}
