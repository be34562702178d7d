import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRegime } from '../src/core/orbits/regime.js';
import { screenCatalog } from '../src/core/screening/screen-catalog.js';
import { formatIsoUtc, unixMsFromUtcInstant, utcInstantFromUnixMs } from '../src/core/time/iso-8601.js';
import { cdmTca } from '../src/formats/ccsds/cdm/cdm-conjunction.js';
import { parseCdmKvn } from '../src/formats/ccsds/cdm/cdm-kvn.js';
import { fieldValue } from '../src/formats/ccsds/cdm/cdm-message.js';
import { parseOemKvn } from '../src/formats/ccsds/oem/oem-kvn.js';
import type { Oem } from '../src/formats/ccsds/oem/oem-message.js';
import { writeOemKvn } from '../src/formats/ccsds/oem/write-oem-kvn.js';
import { parseTle } from '../src/formats/tle/parse-tle.js';
import { REPO_ROOT, type ConcordRun as Run, runConcord } from './run-concord.js';
import { ISS_NEIGHBOURS, sample3le } from './screening/sample-3le.js';

// End to end with the built CLI: OEM primaries screened against a catalog (12-object sub-catalog of the bundled
// 2023 sample around the ISS; Orekit samples against 300 objects of the 2019 and 2022 fixture catalogs).
const root = REPO_ROOT;
const tmp = mkdtempSync(join(tmpdir(), 'concord-screen-oem-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string) => join(tmp, name);
const OREKIT = join(root, 'test/fixtures/ccsds/oem');

const concord = (...args: string[]) => runConcord(tmp, ...args);

/** The first `count` objects of a fixture catalog and the ISS, as a 3LE file. */
function firstObjects(name: string, count: number): string {
  const lines = gunzipSync(readFileSync(join(root, 'test/fixtures/catalogs', name)))
    .toString('utf8')
    .split(/\r?\n/);
  const iss = lines.findIndex((l) => l.startsWith('1 25544U'));
  const path = file(`${name}.first${count}.3le`);
  writeFileSync(path, `${[...lines.slice(0, 3 * count), ...lines.slice(iss - 1, iss + 2)].join('\n')}\n`);
  return path;
}

const catalog = file('iss-neighbours.3le');
writeFileSync(catalog, sample3le(ISS_NEIGHBOURS));
const json = (r: Run) => JSON.parse(r.stdout);

// The yardstick: the same sub-catalog screened in-process with the ISS element set as the primary.
const elementSets = parseTle(sample3le(ISS_NEIGHBOURS), 'iss-neighbours.3le').records;
const sgp4 = screenCatalog({
  objects: elementSets.map((elementSet) => ({ elementSet, regime: classifyRegime(elementSet) })),
  startUnixMs: Date.UTC(2023, 9, 9, 12),
  endUnixMs: Date.UTC(2023, 9, 10),
  thresholdKm: 25,
  primaryIndices: [0],
});
const idOf = (i: number) => elementSets[i]?.catalogId;
const isoMs = (unixMs: number) => formatIsoUtc(utcInstantFromUnixMs(unixMs), 3);

const runs: Record<string, Run> = {};

beforeAll(async () => {
  // The OEM: SGP4 of the ISS every 60 s in GCRF, as `concord propagate` writes it (LAGRANGE 7).
  const made = await concord(
    'propagate',
    catalog,
    '--id',
    '25544',
    '--at',
    '2023-10-09T12:00:00Z',
    '--until',
    '2023-10-10T00:00:00Z',
    '--step',
    '60',
    '--frame',
    'gcrf',
    '--oem-out',
    file('iss.oem'),
  );
  if (made.code !== 0) throw new Error(made.stderr);
  // The same ephemeris with no states from 14:00 to 15:00 (two segments).
  const oem = parseOemKvn(readFileSync(file('iss.oem'), 'utf8'), 'iss.oem').oem as Oem;
  const [segment] = oem.segments;
  if (!segment) throw new Error('no segment');
  const part = (from: string, to: string) => ({
    ...segment,
    metadata: {
      ...segment.metadata,
      fields: { ...segment.metadata.fields, START_TIME: from, STOP_TIME: to },
    },
    states: segment.states.filter((s) => s.epoch >= from && s.epoch <= to),
  });
  writeFileSync(
    file('iss-gap.oem'),
    writeOemKvn({
      ...oem,
      segments: [
        part('2023-10-09T12:00:00.000000', '2023-10-09T14:00:00.000000'),
        part('2023-10-09T15:00:00.000000', '2023-10-10T00:00:00.000000'),
      ],
    }),
  );
  const common = ['--threshold-km', '25', '--format', 'json', '--workers', '1'];
  const entries = await Promise.all(
    Object.entries({
      oem: ['screen', catalog, '--oem', file('iss.oem'), ...common, '--cdm-dir', file('cdms')],
      gap: ['screen', catalog, '--oem', file('iss-gap.oem'), ...common],
      clipped: [
        'screen',
        catalog,
        '--oem',
        file('iss.oem'),
        '--start',
        '2023-10-09T10:00:00Z',
        '--days',
        '0.125',
        ...common,
      ],
      outside: ['screen', catalog, '--oem', file('iss.oem'), '--start', '2023-10-11T00:00:00Z', ...common],
      // Two Orekit samples in one run: a 5-min LEO table of 2015 and the ISS of 2022-01-17 (hourly states).
      orekit: [
        'screen',
        firstObjects('spacetrack_3le_2022-01-22_ODAP.txt.gz', 300),
        '--oem',
        join(OREKIT, 'oemLowerCaseValue.oem'),
        '--oem',
        join(OREKIT, 'ISS.resampled.truncated.txt'),
        '--end',
        '2022-01-17T14:00:00Z',
        '--threshold-km',
        '50',
        '--format',
        'json',
        '--workers',
        '1',
      ],
      mars: ['screen', catalog, '--oem', join(OREKIT, 'OEMExample1.txt')],
    }).map(async ([name, args]) => [name, await concord(...args)] as const),
  );
  for (const [name, run] of entries) runs[name] = run;
}, 60_000);

describe('concord screen --oem (operator ephemerides as primaries)', () => {
  it('(a) an OEM sampled from SGP4 (60 s, GCRF, Lagrange 7) finds the conjunctions of the element set', () => {
    const oem = runs['oem'] as Run;
    expect(oem.code, oem.stderr).toBe(0);
    const b = json(oem);
    // The window defaults to the OEM coverage.
    expect(b.window).toEqual({
      start: '2023-10-09T12:00:00.000Z',
      end: '2023-10-10T00:00:00.000Z',
      threshold_km: 25,
    });
    expect(b.stats.oem_replaced).toEqual([{ id: '25544', name: 'ISS (ZARYA)', file: file('iss.oem') }]);
    expect(b.stats.oem_primaries[0]).toMatchObject({
      frame: 'GCRF',
      interpolation: ['LAGRANGE 7'],
      states: 721,
    });
    expect(sgp4.conjunctions).toHaveLength(6);
    expect(b.conjunctions).toHaveLength(sgp4.conjunctions.length);
    // Tolerance: TCA 2 ms, miss 1 m. The OEM holds SGP4 itself at full double precision, Lagrange 7 on 60 s
    // steps interpolates it to micrometres and GCRF → TEME undoes TEME → GCRF with the same matrices, so what
    // is left is the JSON rounding (1 ms, 1 mm); a slip of frame or time scale would show as kilometres.
    b.conjunctions.forEach((c: Record<string, unknown>, k: number) => {
      const s = sgp4.conjunctions[k];
      if (!s) throw new Error('missing');
      expect([c['id1'], c['id2'], c['edge'], c['source1'], c['source2']]).toEqual([
        idOf(s.index1),
        idOf(s.index2),
        s.edge,
        'oem',
        'catalog',
      ]);
      expect(Math.abs(Date.parse(c['tca'] as string) - s.tcaUnixMs)).toBeLessThanOrEqual(2);
      expect(Math.abs((c['miss_km'] as number) - s.missKm)).toBeLessThanOrEqual(0.001);
      expect(c['element_set_age1_days']).toBeNull();
    });
    expect(b.persistent.map((p: { id2: string; from: string; to: string }) => [p.id2, p.from, p.to])).toEqual(
      sgp4.persistent.map((p) => [idOf(p.index2), isoMs(p.fromUnixMs), isoMs(p.toUnixMs)]),
    );
  });

  it('(a) its CDMs carry the interpolated OEM state, name the ephemeris and flag the assumed covariance', () => {
    const b = json(runs['oem'] as Run);
    expect(readdirSync(file('cdms'))).toHaveLength(6);
    for (const c of b.conjunctions) {
      const cdm = parseCdmKvn(readFileSync(join(file('cdms'), c.cdm_file), 'utf8'), c.cdm_file).cdm;
      if (!cdm) throw new Error(`${c.cdm_file} does not parse`);
      const tca = cdmTca(cdm);
      expect(tca && Math.abs(unixMsFromUtcInstant(tca) - Date.parse(c.tca))).toBeLessThanOrEqual(0.5);
      expect(
        Math.abs(Number(fieldValue(cdm.relativeMetadataData, 'MISS_DISTANCE')) - c.miss_km * 1000),
      ).toBeLessThan(0.001);
      const [o1, o2] = cdm.objects;
      expect(fieldValue(o1?.metadata ?? cdm.header, 'EPHEMERIS_NAME')).toBe('iss.oem');
      expect(fieldValue(o2?.metadata ?? cdm.header, 'EPHEMERIS_NAME')).toBe('NONE');
      expect(o1?.stateVector.comments.join(' ')).toMatch(
        /interpolated from ephemeris iss.oem \(LAGRANGE 7; GCRF UTC converted to TEME/,
      );
      expect(o1?.covarianceMatrix.comments.join(' ')).toMatch(/SYNTHETIC.*ASSUMED/);
    }
  });

  it('(b) a gap between OEM segments is an exclusion over that span; passes in it are not screened', () => {
    const gap = runs['gap'] as Run;
    expect(gap.code, gap.stderr).toBe(0);
    const doc = json(gap);
    expect(doc.exclusions.filter((x: { code: string }) => x.code === 'OUTSIDE_EPHEMERIS')).toEqual([
      {
        id: '25544',
        name: 'ISS (ZARYA)',
        code: 'OUTSIDE_EPHEMERIS',
        detail:
          'no ephemeris from 2023-10-09T14:00:00.000Z to 2023-10-09T15:00:00.000Z: not screened over that span',
        from: '2023-10-09T14:00:00.000Z',
        to: '2023-10-09T15:00:00.000Z',
      },
    ]);
    expect(doc.stats.coveragePieces).toBe(2);
    // XIAOXIANG 1 passes at 14:24, inside the gap: every other conjunction is found.
    expect(doc.conjunctions.map((c: { tca: string }) => c.tca)).toEqual(
      sgp4.conjunctions.map((e) => isoMs(e.tcaUnixMs)).filter((t) => !t.startsWith('2023-10-09T14')),
    );
  });

  it('(b) the window is cut to the coverage, and a window outside it is refused', () => {
    const clipped = runs['clipped'] as Run;
    expect(clipped.code, clipped.stderr).toBe(0);
    expect(json(clipped).window).toMatchObject({
      start: '2023-10-09T12:00:00.000Z',
      end: '2023-10-09T13:00:00.000Z',
    });
    const outside = runs['outside'] as Run;
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('[NO_EPHEMERIS_COVERAGE]');
    expect(outside.stdout).toBe('');
  });

  it('(c) two Orekit samples screen in one run; coverage elsewhere is reported, sparse tables flagged', () => {
    const run = runs['orekit'] as Run;
    expect(run.code, run.stderr).toBe(0);
    const doc = json(run);
    expect(doc.window).toMatchObject({ start: '2015-08-27T00:00:00.000Z', end: '2022-01-17T14:00:00.000Z' });
    // OBJECT_ID 1998-067-A is matched to the catalog's 1998-067A: the OEM replaces the ISS element set.
    expect(doc.stats.oem_primaries).toMatchObject([
      { id: '2000-000A', interpolation: ['LAGRANGE 5'], replaces_catalog_object: false },
      {
        id: '25544',
        oem_object_id: '1998-067-A',
        interpolation: ['HERMITE 3 (assumed: no INTERPOLATION given)'],
        replaces_catalog_object: true,
      },
    ]);
    expect(doc.stats.coveragePieces).toBe(2);
    const outside = doc.exclusions.filter((x: { code: string }) => x.code === 'OUTSIDE_EPHEMERIS');
    expect(outside.map((x: { id: string; from: string; to: string }) => [x.id, x.from, x.to])).toEqual([
      ['2000-000A', '2015-08-27T00:05:00.000Z', '2022-01-17T14:00:00.000Z'],
      ['25544', '2015-08-27T00:00:00.000Z', '2022-01-17T12:00:00.000Z'],
    ]);
    expect(run.stderr).toMatch(
      /ISS\.resampled\.truncated\.txt:5: EPHEMERIS: states up to 3600 s apart.*\[OEM_SPARSE_SAMPLING\]/,
    );
  });

  it('(c) a Mars-centred OEM is refused, naming file, line and keyword', () => {
    const mars = runs['mars'] as Run;
    expect(mars.code).toBe(2);
    expect(mars.stderr).toMatch(
      /OEMExample1\.txt:\d+: CENTER_NAME: CENTER_NAME = MARS BARYCENTER: only EARTH can be screened \[OEM_UNSUPPORTED_CENTER\]/,
    );
    expect(mars.stdout).toBe('');
  });
});
