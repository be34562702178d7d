import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCaraHbrCsv } from '../../formats/hbr/cara-hbr-csv.js';
import { combinedHardBodyRadius, DEFAULT_OBJECT_HBR_M, objectHardBodyRadius } from './hard-body-radius.js';

const csv = gunzipSync(
  readFileSync(
    new URL('../../../data/hbr/HBR_Mass_Estimates_20260601_ForDistribution.csv.gz', import.meta.url),
  ),
).toString('utf8');
const parsed = parseCaraHbrCsv(csv, 'HBR_Mass_Estimates_20260601_ForDistribution.csv');

describe('hard-body radius', () => {
  it('loads the bundled CARA table: 58,609 objects, 23,583 with an HBR', () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.table.size).toBe(23_583);
    expect(parsed.table.size + parsed.withoutHbr).toBe(58_609);
  });
  it('takes CARA values (HST 8.4 m protected primary; IRIDIUM 33 DEB 37558 0.05 m from Space Fence RCS)', () => {
    const hst = objectHardBodyRadius(20580, { table: parsed.table });
    expect(hst).toMatchObject({ hbrM: 8.4, source: 'cara-table' });
    expect(hst.detail).toContain('CARA Protected Primary');
    expect(objectHardBodyRadius(37558, { table: parsed.table })).toMatchObject({
      hbrM: 0.05,
      source: 'cara-table',
    });
  });
  it('falls back to RCS size, then the stated default, and honours overrides', () => {
    // 22015 (DELTA 2 R/B) is a DISCOS row without an HBR in the distributed table.
    expect(objectHardBodyRadius(22015, { table: parsed.table, rcsSize: 'LARGE' }).source).toBe('rcs-size');
    expect(objectHardBodyRadius(22015, { table: parsed.table })).toMatchObject({
      hbrM: DEFAULT_OBJECT_HBR_M,
      source: 'default',
    });
    expect(objectHardBodyRadius(20580, { table: parsed.table, overrideM: 3 }).source).toBe('override');
    const combined = combinedHardBodyRadius(
      objectHardBodyRadius(20580, { table: parsed.table }),
      objectHardBodyRadius(22015, { table: parsed.table }),
    );
    expect(combined.hbrM).toBeCloseTo(8.4 + DEFAULT_OBJECT_HBR_M, 12);
    expect(combined.source).toBe('default');
  });
});
