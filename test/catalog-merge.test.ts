import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/core/catalog/catalog.js';
import type { SatcatEntry } from '../src/core/catalog/satcat-entry.js';
import { formatIsoUtc } from '../src/core/time/iso-8601.js';
import { parseTle } from '../src/formats/tle/parse-tle.js';

// Real ISS element sets of 2023-10-09 and 2022-01-22 (Space-Track catalogs in test/fixtures/catalogs, data/sample).
const ISS_2023 = [
  '0 ISS (ZARYA)',
  '1 25544U 98067A   23282.71486326  .00020100  00000-0  35938-3 0  9998',
  '2 25544  51.6410 121.2575 0005123  92.3190 358.8196 15.49983917419557',
];
const ISS_2022 = [
  '0 ISS (ZARYA)',
  '1 25544U 98067A   22022.91470718  .00005958  00000-0  11386-3 0  9994',
  '2 25544  51.6445 336.0056 0006830  51.7508  17.5213 15.49594026322655',
];
const VANGUARD_1 = [
  '0 VANGUARD 1',
  '1 00005U 58002B   23282.54072583  .00000274  00000-0  37082-3 0  9997',
  '2 00005  34.2426 102.8218 1844295  34.3480 336.3609 10.85092911336586',
];

/** The same ISS epoch with a different inclination (checksum recomputed): a conflicting element set. */
function withInclination(lines: string[], inclination: string): string[] {
  const line2 = `${(lines[2] ?? '').slice(0, 8)}${inclination}${(lines[2] ?? '').slice(16, 68)}`;
  let sum = 0;
  for (const c of line2) sum += c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0;
  return [lines[0] ?? '', lines[1] ?? '', `${line2}${sum % 10}`];
}

function elementSets(file: string, ...sets: string[][]) {
  const outcome = parseTle(sets.flat().join('\n'), file);
  expect(outcome.issues).toEqual([]);
  return outcome.records;
}

describe('catalog building', () => {
  it('keeps the newest epoch per object and reports the superseded one', () => {
    const catalog = buildCatalog(
      [...elementSets('old.tle', ISS_2022), ...elementSets('new.tle', ISS_2023)],
      [],
    );
    expect(catalog.objects).toHaveLength(1);
    expect(catalog.objects[0]?.elementSet.epochIso.startsWith('2023-10-09')).toBe(true);
    expect(catalog.merges).toEqual([expect.objectContaining({ kind: 'superseded', noradCatId: 25544 })]);
    expect(catalog.merges[0]?.dropped.file).toBe('old.tle');
  });

  it('order of the files does not change the winner', () => {
    const catalog = buildCatalog(
      [...elementSets('new.tle', ISS_2023), ...elementSets('old.tle', ISS_2022)],
      [],
    );
    expect(catalog.objects[0]?.elementSet.origin.file).toBe('new.tle');
  });

  it('counts exact duplicates and reports conflicts at the same epoch', () => {
    const conflicting = withInclination(ISS_2023, ' 51.6420');
    const catalog = buildCatalog(
      [
        ...elementSets('a.tle', ISS_2023),
        ...elementSets('b.tle', ISS_2023),
        ...elementSets('c.tle', conflicting),
      ],
      [],
    );
    expect(catalog.objects).toHaveLength(1);
    expect(catalog.merges.map((m) => m.kind).sort()).toEqual(['conflict', 'duplicate']);
    expect(catalog.objects[0]?.elementSet.inclinationDeg).toBe(51.641);
  });

  it('joins SATCAT by catalog number and infers types from names only without SATCAT', () => {
    const satcat: SatcatEntry[] = [
      {
        noradCatId: 25544,
        objectId: '1998-067A',
        objectName: 'ISS (ZARYA)',
        objectType: 'PAYLOAD',
        ownerCode: 'ISS',
        origin: { file: 'satcat.csv', line: 2, format: 'satcat-spacetrack' },
      },
    ];
    const rocketBody = ['0 SL-1 R/B', ...VANGUARD_1.slice(1)];
    const catalog = buildCatalog([...elementSets('x.tle', ISS_2023, rocketBody)], satcat);
    const [vanguard, iss] = catalog.objects;
    expect(iss?.ownerCode).toBe('ISS');
    expect(iss?.objectTypeSource).toBe('satcat');
    expect(vanguard?.objectType).toBe('ROCKET BODY');
    expect(vanguard?.objectTypeSource).toBe('name');
    expect(vanguard?.ownerCode).toBe('UNKNOWN');
    expect(catalog.satcatEntriesUsed).toBe(1);
  });

  it('ages are relative to the given reference time, in days', () => {
    const reference = { scale: 'UTC' as const, jd: { whole: 2_460_226.5, fraction: 0.71486326 + 1 } };
    const catalog = buildCatalog(elementSets('a.tle', ISS_2023), [], { referenceTime: reference });
    // 2023 day 282 = 2023-10-09 = JD 2460226.5 at 0h; the reference is one day after the ISS epoch.
    expect(formatIsoUtc(catalog.objects[0]?.elementSet.epoch ?? reference, 3)).toBe(
      '2023-10-09T17:09:24.186Z',
    );
    expect(catalog.objects[0]?.elementSetAgeDays).toBeCloseTo(1, 9);
  });
});
