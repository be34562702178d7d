import type { HbrTable, HbrTableEntry } from '../../core/risk/hard-body-radius.js';
import type { RecordIssue } from '../record-issue.js';

/**
 * Parses NASA CARA's HBR/mass estimate CSV (ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource).
 * Rows with an empty HBR (DISCOS rows, withheld for licensing) are counted, not entered. Bad rows are issues.
 */
export function parseCaraHbrCsv(
  text: string,
  file: string,
): { table: HbrTable; issues: RecordIssue[]; withoutHbr: number } {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const idIndex = header.indexOf('ObjectID');
  const hbrIndex = header.indexOf('HBR');
  const sourceIndex = header.indexOf('HBRSource');
  const issues: RecordIssue[] = [];
  const table = new Map<number, HbrTableEntry>();
  let withoutHbr = 0;
  if (idIndex < 0 || hbrIndex < 0) {
    issues.push({
      file,
      line: 1,
      field: 'header',
      code: 'HBR_BAD_HEADER',
      message: 'expected columns ObjectID and HBR',
      severity: 'error',
    });
    return { table, issues, withoutHbr };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const id = Number(cells[idIndex]);
    const hbrText = (cells[hbrIndex] ?? '').trim();
    if (!Number.isInteger(id) || id <= 0) {
      issues.push({
        file,
        line: i + 1,
        field: 'ObjectID',
        code: 'HBR_BAD_ID',
        message: `bad ObjectID '${cells[idIndex]}'`,
        severity: 'warning',
      });
      continue;
    }
    if (hbrText === '') {
      withoutHbr++;
      continue;
    }
    const hbrM = Number(hbrText);
    if (!(hbrM > 0)) {
      issues.push({
        file,
        line: i + 1,
        field: 'HBR',
        code: 'HBR_NOT_A_NUMBER',
        message: `bad HBR '${hbrText}'`,
        severity: 'warning',
      });
      continue;
    }
    table.set(id, { noradId: id, hbrM, source: (cells[sourceIndex] ?? '').trim() });
  }
  return { table, issues, withoutHbr };
}
