import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInputBytes, detectInputKind } from './input-kind.js';

const TLE = [
  '0 VANGUARD 1',
  '1 00005U 58002B   23282.54072583  .00000274  00000-0  37082-3 0  9997',
  '2 00005  34.2426 102.8218 1844295  34.3480 336.3609 10.85092911336586',
].join('\n');

describe('input recognition', () => {
  it('inflates gzip transparently', () => {
    const r = decodeInputBytes(gzipSync(Buffer.from(TLE)), 'x.gz');
    expect(r.ok && r.value).toBe(TLE);
  });

  it('reports corrupt gzip with the file name', () => {
    const bytes = gzipSync(Buffer.from(TLE)).subarray(0, 20);
    const r = decodeInputBytes(bytes, 'cut.gz');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('cut.gz');
  });

  it.each([
    [TLE, 'tle'],
    ['[{"OBJECT_NAME":"X","EPOCH":"2026-03-09T19:18:25.550496"}]', 'omm-json'],
    ['<?xml version="1.0"?><ndm></ndm>', 'omm-xml'],
    ['CCSDS_OMM_VERS = 3.0\nCREATION_DATE = 2026-01-01T00:00:00', 'omm-kvn'],
    ['OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY\n', 'omm-csv'],
    ['"INTLDES","NORAD_CAT_ID","OBJECT_TYPE","SATNAME","COUNTRY"\n', 'satcat-csv'],
    ['OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER\n', 'satcat-csv'],
  ])('recognises %#', (text, kind) => {
    const r = detectInputKind(text, 'f');
    expect(r.ok && r.value).toBe(kind);
  });

  it('rejects empty and unknown files with file and line', () => {
    const empty = detectInputKind('  \n\n', 'empty.txt');
    expect(!empty.ok && empty.code).toBe('EMPTY_FILE');
    const unknown = detectInputKind('\n\nhello world\n', 'notes.txt');
    expect(!unknown.ok && unknown.code).toBe('UNKNOWN_FORMAT');
    if (!unknown.ok) expect(unknown.message).toContain('notes.txt:3');
  });
});
