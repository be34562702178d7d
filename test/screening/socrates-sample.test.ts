import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/core/orbits/regime.js';
import { screenCatalog } from '../../src/core/screening/screen-catalog.js';
import { parseSocratesCsv, socratesTimeUnixMs } from '../../src/formats/socrates/parse-socrates-csv.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';

const FILE = new URL('../fixtures/socrates/socrates-2020-12-09-sample.csv', import.meta.url);

describe('SOCRATES CSV reader', () => {
  it('reads times and rejects malformed rows with line and column', () => {
    expect(socratesTimeUnixMs('2020 Dec 09 00:03:06.880')).toBe(Date.UTC(2020, 11, 9, 0, 3, 6, 880));
    expect(Number.isNaN(socratesTimeUnixMs('2020-12-09 00:03:06'))).toBe(true);
    const text = readFileSync(FILE, 'utf8');
    const [header, first] = text.split('\n');
    const broken = `${header}\n${(first ?? '').replace('2020 Dec 09', '2020 Foo 09')}\n`;
    const { records, issues } = parseSocratesCsv(broken, 'broken.csv');
    expect(records).toHaveLength(0);
    expect(issues[0]).toMatchObject({ file: 'broken.csv', line: 2, code: 'SOCRATES_BAD_FIELD' });
  });
});

describe('screening reproduces SOCRATES (60 rows of the 2020-12-09 extract, same element sets, 7 days, 5 km)', () => {
  const { records: rows, issues } = parseSocratesCsv(readFileSync(FILE, 'utf8'), 'sample.csv');
  const tles = new Map<number, string>();
  for (const r of rows) {
    tles.set(r.sat1Norad, `${r.sat1Name}\n${r.sat1Tle.join('\n')}`);
    tles.set(r.sat2Norad, `${r.sat2Name}\n${r.sat2Tle.join('\n')}`);
  }
  const { records } = parseTle([...tles.values()].join('\n'), 'socrates');
  const objects = records.map((es) => ({ elementSet: es, regime: classifyRegime(es) }));
  const index = new Map(records.map((es, i) => [es.noradCatId, i]));
  const startUnixMs = Math.min(...rows.map((r) => socratesTimeUnixMs(r.startTime)));
  const endUnixMs = Math.max(...rows.map((r) => socratesTimeUnixMs(r.stopTime)));
  const result = screenCatalog({ objects, startUnixMs, endUnixMs, thresholdKm: 5 });

  it('finds every row: TCA within 1 s and miss within 10 m, or a deeper SGP4 minimum than SOCRATES’ own TCA', () => {
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(60);
    expect(endUnixMs - startUnixMs).toBe(7 * 86_400_000);
    let strict = 0;
    const unexplained: unknown[] = [];
    for (const r of rows) {
      const i = index.get(r.sat1Norad) as number;
      const j = index.get(r.sat2Norad) as number;
      const pair = (a: number, b: number) => (a === i && b === j) || (a === j && b === i);
      const tca = socratesTimeUnixMs(r.tcaTime);
      if (
        result.persistent.some((p) => pair(p.index1, p.index2) && tca >= p.fromUnixMs && tca <= p.toUnixMs)
      ) {
        strict += 1;
        continue;
      }
      const events = result.conjunctions.filter((e) => pair(e.index1, e.index2));
      const nearest = events.sort((a, b) => Math.abs(a.tcaUnixMs - tca) - Math.abs(b.tcaUnixMs - tca))[0];
      if (!nearest) {
        unexplained.push({ row: r.line, reason: 'pair not found' });
        continue;
      }
      const dtS = Math.abs(nearest.tcaUnixMs - tca) / 1000;
      if (dtS <= 1 && Math.abs(nearest.missKm - r.minRangeKm) <= 0.01) strict += 1;
      // Otherwise SOCRATES' TCA is not at the SGP4 minimum: our minimum of the same SGP4 range must be as deep.
      else if (!(dtS <= 60 && nearest.missKm <= r.sgp4RangeKmAtTca + 0.01))
        unexplained.push({ row: r.line, dtS, ours: nearest.missKm, socrates: r.minRangeKm });
    }
    expect(unexplained).toEqual([]);
    // Measured: 56 of 60 strictly; the other 4 are slow pairs whose flat minimum SOCRATES times seconds off.
    expect(strict / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
