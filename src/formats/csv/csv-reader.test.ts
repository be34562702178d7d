import { describe, expect, it } from 'vitest';
import { readCsv, readCsvTable } from './csv-reader.js';

// Cases are the examples of RFC 4180 section 2 (rules 1-7).
describe('readCsv (RFC 4180)', () => {
  it('splits records on CRLF and fields on commas (rule 1, 4)', () => {
    const out = readCsv('aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n', 'f.csv');
    expect(out.issues).toEqual([]);
    expect(out.records).toEqual([
      { line: 1, fields: ['aaa', 'bbb', 'ccc'] },
      { line: 2, fields: ['zzz', 'yyy', 'xxx'] },
    ]);
  });

  it('accepts a last record without line break (rule 2)', () => {
    expect(readCsv('aaa,bbb,ccc\nzzz,yyy,xxx', 'f.csv').records[1]?.fields).toEqual(['zzz', 'yyy', 'xxx']);
  });

  it('keeps line breaks, commas and doubled quotes inside quoted fields (rules 5-7)', () => {
    const out = readCsv('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx\r\n"a,b","b""bb",""\r\n', 'f.csv');
    expect(out.issues).toEqual([]);
    expect(out.records).toEqual([
      { line: 1, fields: ['aaa', 'b\r\nbb', 'ccc'] },
      { line: 3, fields: ['zzz', 'yyy', 'xxx'] },
      { line: 4, fields: ['a,b', 'b"bb', ''] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(readCsv('a,,c,\n', 'f.csv').records[0]?.fields).toEqual(['a', '', 'c', '']);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const out = readCsv('a,b\nc,"never closed\nmore\n', 'f.csv');
    expect(out.records).toHaveLength(1);
    expect(out.issues).toMatchObject([
      { file: 'f.csv', line: 2, field: 'column 2', code: 'CSV_UNTERMINATED_QUOTE' },
    ]);
  });

  it('readCsvTable rejects rows whose field count differs from the header', () => {
    const table = readCsvTable('A,B,c\n1,2,3\n4,5\n\n6,7,8\n', 'f.csv');
    expect(table.header).toEqual(['A', 'B', 'C']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.issues).toMatchObject([{ line: 3, code: 'CSV_FIELD_COUNT', severity: 'error' }]);
  });
});
