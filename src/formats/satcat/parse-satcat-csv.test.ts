import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSatcatCsv } from './parse-satcat-csv.js';

const spaceTrack = gunzipSync(
  readFileSync(new URL('../../../data/sample/spacetrack_satcat_2021-01.csv.gz', import.meta.url)),
).toString('utf8');
const celestrak = readFileSync(
  new URL('../../../test/fixtures/satcat/celestrak_satcat_sample.csv', import.meta.url),
  'utf8',
);

describe('parseSatcatCsv, Space-Track dialect (bundled 2021-01 SATCAT)', () => {
  it('loads all 47,232 rows with zero issues', () => {
    const { records, issues } = parseSatcatCsv(spaceTrack, 'satcat.csv');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(47_232);
    // Type counts of the published file (OBJECT_TYPE column; TBA is normalised to UNKNOWN).
    const count = (t: string) => records.filter((r) => r.objectType === t).length;
    expect([count('DEBRIS'), count('PAYLOAD'), count('ROCKET BODY'), count('UNKNOWN')]).toEqual([
      30_911, 9_965, 6_203, 153,
    ]);
    expect(records.filter((r) => r.rcsSize !== undefined)).toHaveLength(47_232 - 10_471);
    expect(records.filter((r) => r.decayDate !== undefined)).toHaveLength(47_232 - 22_019);
  });

  it('normalises rows exactly as published (ISS, SL-1 R/B, LUNA 1)', () => {
    const { records } = parseSatcatCsv(spaceTrack, 'satcat.csv');
    const byId = new Map(records.map((r) => [r.noradCatId, r]));
    expect(byId.get(25544)).toEqual({
      noradCatId: 25544,
      objectId: '1998-067A',
      objectName: 'ISS (ZARYA)',
      objectType: 'PAYLOAD',
      ownerCode: 'ISS',
      launchDate: '1998-11-20',
      launchSite: 'TTMTR',
      rcsSize: 'LARGE',
      origin: { file: 'satcat.csv', line: expect.any(Number), format: 'satcat-spacetrack' },
    });
    expect(byId.get(1)).toMatchObject({
      objectType: 'ROCKET BODY',
      ownerCode: 'CIS',
      decayDate: '1957-12-01',
      origin: { line: 2 },
    });
    expect(byId.get(112)?.comment).toBe('HELIOCENTRIC ORBIT (SUN)');
    // Space-Track's public RCSVALUE is 0: not a measurement, so no rcsM2.
    expect(records.some((r) => r.rcsM2 !== undefined)).toBe(false);
  });

  it('rejects a row with a bad catalog number or date, naming line and column', () => {
    const lines = spaceTrack.split('\n');
    lines[3] = (lines[3] ?? '').replace('"3"', '"3x"').replace('"1957-11-03"', '"1957-13-03"');
    const { records, issues } = parseSatcatCsv(lines.join('\n'), 's.csv');
    expect(records).toHaveLength(47_231);
    expect(issues).toMatchObject([
      { line: 4, field: 'NORAD_CAT_ID', code: 'NOT_AN_INTEGER', severity: 'error' },
      { line: 4, field: 'LAUNCH', code: 'SATCAT_INVALID_DATE', severity: 'error' },
    ]);
  });
});

describe('parseSatcatCsv, CelesTrak dialect (hand-written sample of the documented columns)', () => {
  it('reads every column and normalises PAY/R/B/DEB/UNK', () => {
    const { records, issues } = parseSatcatCsv(celestrak, 'celestrak.csv');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(8);
    expect(records[4]).toEqual({
      noradCatId: 25544,
      objectId: '1998-067A',
      objectName: 'ISS (ZARYA)',
      objectType: 'PAYLOAD',
      ownerCode: 'ISS',
      launchDate: '1998-11-20',
      launchSite: 'TYMSC',
      periodMin: 92.9,
      inclinationDeg: 51.64,
      apogeeKm: 421,
      perigeeKm: 415,
      rcsM2: 399.0524,
      opsStatusCode: '+',
      orbitCenter: 'EA',
      orbitType: 'ORB',
      origin: { file: 'celestrak.csv', line: 6, format: 'satcat-celestrak' },
    });
    expect(records.map((r) => r.objectType)).toEqual([
      'ROCKET BODY',
      'PAYLOAD',
      'PAYLOAD',
      'PAYLOAD',
      'PAYLOAD',
      'PAYLOAD',
      'DEBRIS',
      'UNKNOWN',
    ]);
    expect(records[3]).toMatchObject({ noradCatId: 112, dataStatusCode: 'NEA', orbitCenter: 'SU' });
    expect(records[7]).toMatchObject({ objectName: 'OBJECT WITH "QUOTES", AND COMMA', noradCatId: 270_438 });
  });

  it('agrees with the Space-Track dialect on identity, type, owner and dates of the same objects', () => {
    const st = new Map(parseSatcatCsv(spaceTrack, 's.csv').records.map((r) => [r.noradCatId, r]));
    const pick = (r: {
      objectId: string;
      objectName: string;
      objectType: string;
      ownerCode: string;
      launchDate?: string;
      decayDate?: string;
    }) => [r.objectId, r.objectName, r.objectType, r.ownerCode, r.launchDate, r.decayDate];
    const ct = parseSatcatCsv(celestrak, 'c.csv').records.filter((r) => st.has(r.noradCatId));
    expect(ct).toHaveLength(7);
    for (const r of ct) expect(pick(r)).toEqual(pick(st.get(r.noradCatId) ?? r));
  });

  it('refuses a header that is neither dialect', () => {
    const out = parseSatcatCsv('NAME,NUMBER\nX,1\n', 'x.csv');
    expect(out.records).toEqual([]);
    expect(out.issues).toMatchObject([{ line: 1, code: 'SATCAT_UNKNOWN_HEADER', severity: 'error' }]);
  });
});
