import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseOmmCsv } from './parse-omm-csv.js';
import { parseOmmJson } from './parse-omm-json.js';

const fixture = (path: string) => {
  const bytes = readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url));
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const active = fixture('omm/celestrak_active_gp_2026-03-10.csv.gz');

describe('parseOmmCsv (CelesTrak GP CSV)', () => {
  it('loads the whole active group (14,683 rows) with zero issues, rows located at their lines', () => {
    const { records, issues } = parseOmmCsv(active, 'active.csv');
    expect(issues).toEqual([]);
    expect(records).toHaveLength(active.trimEnd().split('\n').length - 1);
    expect(records).toHaveLength(14_683);
    expect(records[0]).toMatchObject({
      catalogId: '900',
      objectName: 'CALSPHERE 1',
      objectId: '1964-063C',
      epochIso: '2026-03-10T07:26:52.157760Z',
      eccentricity: 0.00237643,
      bstarPerEarthRadii: 0.76643197e-3,
      meanMotionDotRevPerDay2: 0.76e-5,
      origin: { file: 'active.csv', line: 2, format: 'omm-csv' },
    });
  });

  // CelesTrak's CSV carries TLE precision (e .0070247, BSTAR .83669E-4) where its JSON carries more digits
  // (0.00702466, 8.3668831e-05): the two must agree within one unit of the last TLE digit.
  it('agrees with the JSON catalog, to TLE precision, on every object published with the same epoch', () => {
    const csv = parseOmmCsv(active, 'active.csv').records;
    const json = parseOmmJson(fixture('catalogs/celestrak_gp_2026-03-09to10.json.gz'), 'gp.json').records;
    const byKey = new Map(json.map((r) => [`${r.noradCatId} ${r.epochIso}`, r]));
    let compared = 0;
    let agreeing = 0;
    const refits: number[] = [];
    for (const c of csv) {
      const j = byKey.get(`${c.noradCatId} ${c.epochIso}`);
      if (!j) continue;
      compared += 1;
      // Names can change between downloads (OBJECT B → its designator); identity is the catalog number.
      expect([c.catalogId, c.classification]).toEqual([j.catalogId, j.classification]);
      const close =
        c.revAtEpoch === j.revAtEpoch &&
        Math.abs(c.meanMotionRevPerDay - j.meanMotionRevPerDay) <= 1e-8 + 1e-12 &&
        Math.abs(c.eccentricity - j.eccentricity) <= 1e-7 + 1e-12 &&
        (['inclinationDeg', 'raanDeg', 'argOfPericenterDeg', 'meanAnomalyDeg'] as const).every(
          (k) => Math.abs(c[k] - j[k]) <= 1e-4 + 1e-9,
        ) &&
        Math.abs(c.bstarPerEarthRadii - j.bstarPerEarthRadii) <=
          1e-4 * Math.abs(j.bstarPerEarthRadii) + 1e-14 &&
        Math.abs(c.meanMotionDotRevPerDay2 - j.meanMotionDotRevPerDay2) <= 1e-8 + 1e-15;
      if (close) agreeing += 1;
      else refits.push(c.noradCatId);
    }
    // A few objects were re-fitted by 18 SDS with the same epoch between the two downloads (HAWK-5B 52756,
    // TWILIGHT-1 OBJECT AM 67398: different elements, same EPOCH); everything else must agree.
    expect(refits.sort((a, b) => a - b)).toEqual([52756, 67398]);
    expect(agreeing).toBe(compared - 2);
    expect(compared).toBeGreaterThan(1000);
  });

  it('reports a bad cell at its row line and column name, and keeps the other rows', () => {
    const lines = active.split('\n');
    lines[5] = (lines[5] ?? '').replace(/,U,/, ',U,X');
    const { records, issues } = parseOmmCsv(lines.join('\n'), 'a.csv');
    expect(records).toHaveLength(14_682);
    expect(issues).toMatchObject([
      { line: 6, field: 'NORAD_CAT_ID', code: 'NOT_A_NUMBER', severity: 'error' },
    ]);
  });
});
