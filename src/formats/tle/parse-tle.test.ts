import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTle } from './parse-tle.js';

const SAMPLE_CATALOG = new URL('../../../data/sample/spacetrack_3le_2023-10-09.txt.gz', import.meta.url);
const catalogText = gunzipSync(readFileSync(SAMPLE_CATALOG)).toString('latin1');
const catalog = parseTle(catalogText, 'sample.txt');

// Published ISS element set as CelesTrak documents it (https://celestrak.org/NORAD/documentation/tle-fmt.php).
const ISS_LINE1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_LINE2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

describe('parseTle on the 2023-10-09 Space-Track catalog', () => {
  it('reads all 26,140 objects with no issue', () => {
    // Speed is measured by `npm run bench:load`, not here: timed unit tests are flaky on shared machines.
    const { records, issues } = parseTle(catalogText, 'sample.txt');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(26_140);
    expect(new Set(records.map((r) => r.noradCatId)).size).toBe(26_140);
    expect(records.every((r) => r.origin.format === '3le' && r.objectName !== '')).toBe(true);
  });

  it('decodes the first record (VANGUARD 1) field by field', () => {
    const { records } = catalog;
    const v = records[0];
    expect(v).toBeDefined();
    if (!v) return;
    // 1 00005U 58002B   23282.54072583  .00000274  00000-0  37082-3 0  9997
    // 2 00005  34.2426 102.8218 1844295  34.3480 336.3609 10.85092911336586
    expect(v.objectName).toBe('VANGUARD 1');
    expect(v.catalogId).toBe('00005');
    expect(v.noradCatId).toBe(5);
    expect(v.objectId).toBe('1958-002B');
    expect(v.classification).toBe('U');
    expect(v.epochIso).toBe('2023-10-09T12:58:38.711712Z');
    expect(v.meanMotionDotRevPerDay2).toBe(0.00000274);
    expect(v.meanMotionDdotRevPerDay3).toBe(0);
    expect(v.bstarPerEarthRadii).toBe(0.37082e-3);
    expect(v.ephemerisType).toBe(0);
    expect(v.elementSetNo).toBe(999);
    expect(v.inclinationDeg).toBe(34.2426);
    expect(v.raanDeg).toBe(102.8218);
    expect(v.eccentricity).toBe(0.1844295);
    expect(v.argOfPericenterDeg).toBe(34.348);
    expect(v.meanAnomalyDeg).toBe(336.3609);
    expect(v.meanMotionRevPerDay).toBe(10.85092911);
    expect(v.revAtEpoch).toBe(33658);
    expect(v.origin).toEqual({ file: 'sample.txt', line: 2, format: '3le' });
  });

  it('decodes the Alpha-5 ids of the catalog (none becomes 0)', () => {
    const { records } = catalog;
    const alpha5 = records.filter((r) => /^[A-Z]/.test(r.catalogId));
    // Counted independently: lines starting `1 ` whose column 3 is a letter.
    const expectedCount = catalogText.split('\n').filter((l) => /^1 [A-Z]/.test(l)).length;
    expect(expectedCount).toBeGreaterThan(0);
    expect(alpha5).toHaveLength(expectedCount);
    for (const r of alpha5) {
      expect(r.noradCatId).toBeGreaterThanOrEqual(100_000);
      expect(r.noradCatId).toBeLessThanOrEqual(339_999);
    }
    expect(records.some((r) => r.noradCatId === 0)).toBe(false);
    const byId = new Map(alpha5.map((r) => [r.catalogId, r.noradCatId]));
    // Rule from the Space Force Alpha-5 notice: letter value (A=10 .. H=17, J=18 .. N=22, P=23 .. Z=33) × 10^4.
    for (const [id, n] of byId) {
      const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
      expect(n).toBe((10 + letters.indexOf(id.charAt(0))) * 10_000 + Number(id.slice(1)));
    }
  });
});

describe('parseTle layouts', () => {
  it('reads a plain 2-line set (CelesTrak ISS example)', () => {
    const { records, issues } = parseTle(`${ISS_LINE1}\n${ISS_LINE2}\n`, 'iss.tle');
    expect(issues).toEqual([]);
    const iss = records[0];
    expect(iss?.origin).toEqual({ file: 'iss.tle', line: 1, format: 'tle' });
    expect(iss?.objectName).toBe('');
    expect(iss?.objectId).toBe('1998-067A');
    expect(iss?.meanMotionDotRevPerDay2).toBe(-0.00002182);
    expect(iss?.bstarPerEarthRadii).toBe(-0.11606e-4);
    // 2008 day 264.51782528 = 2008-09-20T12:25:40.104192Z
    expect(iss?.epochIso).toBe('2008-09-20T12:25:40.104192Z');
    expect(iss?.revAtEpoch).toBe(56353);
    expect(iss?.elementSetNo).toBe(292);
  });

  it('reads CelesTrak 3LE (bare name line padded to 24) with CRLF and trailing blanks', () => {
    const text = `ISS (ZARYA)             \r\n${ISS_LINE1}  \r\n${ISS_LINE2}\r\n\r\n`;
    const { records, issues } = parseTle(text, 'stations.txt');
    expect(issues).toEqual([]);
    expect(records[0]?.objectName).toBe('ISS (ZARYA)');
    expect(records[0]?.origin).toEqual({ file: 'stations.txt', line: 2, format: '3le' });
  });

  it('reads Space-Track 3LE and mixed line endings', () => {
    const text = `0 ISS (ZARYA)\n${ISS_LINE1}\r\n${ISS_LINE2}\n0 ISS (ZARYA)\r\n${ISS_LINE1}\n${ISS_LINE2}`;
    const { records, issues } = parseTle(text, 'st.txt');
    expect(issues).toEqual([]);
    expect(records.map((r) => r.objectName)).toEqual(['ISS (ZARYA)', 'ISS (ZARYA)']);
    expect(records.map((r) => r.origin.line)).toEqual([2, 5]);
  });

  it('applies the 57 year pivot (57 → 1957, 56 → 2056)', () => {
    const old = '1 00001U 57001A   57275.00000000  .00000000  00000-0  00000-0 0    09';
    const late = '1 00001U 57001A   56001.50000000  .00000000  00000-0  00000-0 0    08';
    const l2 = '2 00001  65.1000 100.0000 0100000  90.0000 270.0000 14.00000000    19';
    const fix = (l: string) => {
      let sum = 0;
      for (const ch of l.slice(0, 68)) sum += ch === '-' ? 1 : /\d/.test(ch) ? Number(ch) : 0;
      return `${l.slice(0, 68)}${sum % 10}`;
    };
    const { records, issues } = parseTle(`${fix(old)}\n${fix(l2)}\n${fix(late)}\n${fix(l2)}\n`, 'pivot');
    expect(issues).toEqual([]);
    expect(records.map((r) => r.epochIso)).toEqual([
      '1957-10-02T00:00:00.000000Z',
      '2056-01-01T12:00:00.000000Z',
    ]);
    expect(records[0]?.objectId).toBe('1957-001A');
  });
});

describe('parseTle rejects bad records and goes on', () => {
  it('rejects a corrupted digit by checksum (line 2), keeps the next record', () => {
    const corrupted = ISS_LINE2.replace('51.6416', '51.6418');
    const text = `0 BAD\n${ISS_LINE1}\n${corrupted}\n0 GOOD\n${ISS_LINE1}\n${ISS_LINE2}\n`;
    const { records, issues } = parseTle(text, 'c.txt');
    expect(records.map((r) => r.objectName)).toEqual(['GOOD']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'c.txt',
      line: 3,
      code: 'TLE_CHECKSUM',
      field: 'CHECKSUM (line 2 col 69)',
      severity: 'error',
    });
  });

  it('reports a truncated line naming the missing columns and fields', () => {
    const { records, issues } = parseTle(`${ISS_LINE1}\n${ISS_LINE2.slice(0, 40)}\n`, 't.tle');
    expect(records).toEqual([]);
    expect(issues[0]?.code).toBe('TLE_TRUNCATED');
    expect(issues[0]?.line).toBe(2);
    expect(issues[0]?.field).toBe('ARG_OF_PERICENTER (line 2 cols 41-69)');
    expect(issues[0]?.message).toContain('MEAN_MOTION');
  });

  it('reports a non-numeric eccentricity by field and columns', () => {
    const bad = ISS_LINE2.replace('0006703', '00O6703');
    // Keep the checksum right so that only the field check fires: the letter O counts 0, the digit 0 counted 0.
    const { issues } = parseTle(`${ISS_LINE1}\n${bad}\n`, 'e.tle');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'NOT_A_NUMBER',
      field: 'ECCENTRICITY (line 2 cols 27-33)',
      line: 2,
    });
  });

  it('reports lines 1 and 2 of different objects', () => {
    const other = '2 25545  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563538';
    const { records, issues } = parseTle(`${ISS_LINE1}\n${other}\n`, 'm.tle');
    expect(records).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['TLE_ID_MISMATCH']);
  });

  it('reports a line 1 without a line 2 and a name without element lines', () => {
    const { records, issues } = parseTle(
      `${ISS_LINE1}\n0 LONELY\n0 ISS\n${ISS_LINE1}\n${ISS_LINE2}\n`,
      'o.tle',
    );
    expect(records).toHaveLength(1);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [1, 'TLE_LINE_NUMBER'],
      [2, 'TLE_ORPHAN_LINE'],
    ]);
  });

  it('reports an undecodable catalog number (letter I) instead of reading 0', () => {
    const fix = (l: string) => {
      let sum = 0;
      for (const ch of l.slice(0, 68)) sum += ch === '-' ? 1 : /\d/.test(ch) ? Number(ch) : 0;
      return `${l.slice(0, 68)}${sum % 10}`;
    };
    const l1 = fix(ISS_LINE1.replace('25544', 'I5544'));
    const l2 = fix(ISS_LINE2.replace('25544', 'I5544'));
    const { records, issues } = parseTle(`${l1}\n${l2}\n`, 'a.tle');
    expect(records).toEqual([]);
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['TLE_BAD_CATALOG_NUMBER', 'CATALOG_NUMBER (line 1 cols 3-7)'],
    ]);
  });
});
