import type { ParseOutcome, RecordIssue } from '../record-issue.js';

/**
 * A small RFC 4180 CSV reader shared by the OMM (CelesTrak GP) and SATCAT parsers: comma separated,
 * fields optionally quoted with `"`, `""` inside quotes for a quote, quoted fields may hold commas and
 * line breaks, CRLF or LF line ends. Every row keeps the 1-based line on which it starts.
 */
export interface CsvRow {
  /** 1-based line of the file on which the row starts. */
  readonly line: number;
  readonly fields: string[];
}

export type CsvIssueCode =
  | 'CSV_UNTERMINATED_QUOTE'
  | 'CSV_TEXT_AFTER_QUOTE'
  | 'CSV_FIELD_COUNT'
  | 'CSV_NO_HEADER';

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Split CSV text into rows of fields. Blank lines (outside quotes) are not rows and are skipped.
 * An unterminated quote ends the read with an error issue at the line where the quote opened.
 */
export function readCsv(text: string, file: string): ParseOutcome<CsvRow> {
  const rows: CsvRow[] = [];
  const issues: RecordIssue[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < n) {
    // Skip blank lines between rows.
    const c0 = text.charCodeAt(pos);
    if (c0 === LF) {
      pos += 1;
      line += 1;
      continue;
    }
    if (c0 === CR && text.charCodeAt(pos + 1) === LF) {
      pos += 2;
      line += 1;
      continue;
    }
    const rowLine = line;
    const fields: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field: find the closing quote, unescaping "" as we go.
        const openLine = line;
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            issues.push({
              file,
              line: openLine,
              field: `column ${fields.length + 1}`,
              code: 'CSV_UNTERMINATED_QUOTE',
              message: `quoted field opened on line ${openLine} is never closed`,
              severity: 'error',
            });
            return { records: rows, issues };
          }
          const chunk = text.slice(from, q);
          line += countLineFeeds(chunk);
          value += chunk;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        // After the closing quote only a delimiter or a line end may follow; keep stray text but report it.
        const stop = nextDelimiter(text, pos);
        if (stop > pos) {
          issues.push({
            file,
            line,
            field: `column ${fields.length + 1}`,
            code: 'CSV_TEXT_AFTER_QUOTE',
            message: `text '${text.slice(pos, stop)}' after the closing quote was appended to the field`,
            severity: 'warning',
          });
          value += text.slice(pos, stop);
          pos = stop;
        }
        fields.push(value);
      } else {
        const stop = nextDelimiter(text, pos);
        fields.push(text.slice(pos, stop));
        pos = stop;
      }
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos += 1;
      } else {
        // Line end or end of text.
        if (c === CR) pos += 1;
        if (text.charCodeAt(pos) === LF) pos += 1;
        line += 1;
        endOfRow = true;
      }
    }
    rows.push({ line: rowLine, fields });
  }
  return { records: rows, issues };
}

/** Index of the next `,`, CR, LF or the end of text, from `pos`. */
function nextDelimiter(text: string, pos: number): number {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
    i += 1;
  }
  return n;
}

function countLineFeeds(s: string): number {
  let count = 0;
  let i = s.indexOf('\n');
  while (i >= 0) {
    count += 1;
    i = s.indexOf('\n', i + 1);
  }
  return count;
}

export interface CsvTable {
  /** Column names from the first row, trimmed, upper case. */
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Data rows whose field count matches the header (others are reported as `CSV_FIELD_COUNT`). */
  readonly rows: readonly CsvRow[];
  readonly issues: RecordIssue[];
}

/** Read CSV whose first row names the columns; rows with a different number of fields are rejected. */
export function readCsvTable(text: string, file: string): CsvTable {
  const { records, issues } = readCsv(text, file);
  const first = records[0];
  if (!first) {
    issues.push({
      file,
      line: 1,
      field: 'header',
      code: 'CSV_NO_HEADER',
      message: 'no header row: the file holds no CSV rows',
      severity: 'error',
    });
    return { header: [], headerLine: 1, rows: [], issues };
  }
  const header = first.fields.map((h) => h.trim().toUpperCase());
  const rows: CsvRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const row = records[i];
    if (!row) continue;
    if (row.fields.length !== header.length) {
      issues.push({
        file,
        line: row.line,
        field: 'row',
        code: 'CSV_FIELD_COUNT',
        message: `row has ${row.fields.length} fields but the header (line ${first.line}) names ${header.length} columns`,
        severity: 'error',
      });
      continue;
    }
    rows.push(row);
  }
  return { header, headerLine: first.line, rows, issues };
}
