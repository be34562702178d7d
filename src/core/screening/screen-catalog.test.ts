import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../formats/tle/parse-tle.js';
import { classifyRegime } from '../orbits/regime.js';
import { referenceScreen } from './reference-screener.js';
import { screenCatalog } from './screen-catalog.js';
import { compareWithReference, syntheticObject } from './screening-test-support.js';
import type { ScreeningObject, ScreeningRequest } from './screening-types.js';

function fixture(name: string): ScreeningObject[] {
  const text = gunzipSync(
    readFileSync(new URL(`../../../test/fixtures/screening/${name}`, import.meta.url)),
  ).toString();
  const { records, issues } = parseTle(text, name);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return records.map((es) => ({ elementSet: es, regime: classifyRegime(es) }));
}

const CATALOG_EPOCH = Date.UTC(2023, 9, 9, 6);

function expectFullRecall(request: ScreeningRequest, minimumEvents: number) {
  const engine = screenCatalog(request);
  const reference = referenceScreen(request, { stepS: 2 });
  const report = compareWithReference(engine.conjunctions, reference.conjunctions, engine.persistent);
  expect(report.referenceEvents).toBeGreaterThanOrEqual(minimumEvents);
  expect(report.missed).toEqual([]);
  expect(report.extra).toEqual([]);
  expect(report.maxTcaDifferenceMs).toBeLessThanOrEqual(1);
  expect(report.maxMissDifferenceKm).toBeLessThanOrEqual(0.001);
  return { engine, reference, report };
}

describe('screening recall against the brute-force reference (dense 2023 sub-catalogs, 500 objects each)', () => {
  it('550 km Starlink band, consecutive catalog numbers (crossing shells), 1.5 h, 10 km', () => {
    const objects = fixture('dense-leo-550-contiguous.3le.gz');
    expect(objects.length).toBe(500);
    expectFullRecall(
      {
        objects,
        startUnixMs: CATALOG_EPOCH,
        endUnixMs: CATALOG_EPOCH + 1.5 * 3_600_000,
        thresholdKm: 10,
        chunkSteps: 60,
      },
      10,
    );
  });

  it('750-900 km debris band (Iridium, Cosmos, sun-synchronous planes), 1.5 h, 5 km', () => {
    const objects = fixture('dense-leo-800-spread.3le.gz');
    expectFullRecall(
      { objects, startUnixMs: CATALOG_EPOCH, endUnixMs: CATALOG_EPOCH + 1.5 * 3_600_000, thresholdKm: 5 },
      5,
    );
  });

  it('450-530 km band, 1.5 h, 5 km, with a persistent pair reported once', () => {
    const objects = fixture('dense-leo-490-spread.3le.gz');
    const { engine } = expectFullRecall(
      {
        objects,
        startUnixMs: CATALOG_EPOCH,
        endUnixMs: CATALOG_EPOCH + 1.5 * 3_600_000,
        thresholdKm: 5,
        chunkSteps: 45,
      },
      5,
    );
    for (const p of engine.persistent) expect(p.maxRangeKm).toBeLessThanOrEqual(5);
  });
});

const E = Date.UTC(2023, 9, 9);
/** Injected stress cases (mean elements, SGP4): every pair is built to meet during the day. */
const injected: ScreeningObject[] = [
  // Head-on: same plane, opposite directions (i 45° vs 135° with the node 180° away), ≈ 15.3 km/s.
  syntheticObject({
    noradCatId: 90001,
    name: 'HEAD-ON A',
    epochUnixMs: E,
    meanMotionRevPerDay: 15.2,
    eccentricity: 0.0001,
    inclinationDeg: 45,
    raanDeg: 0,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 0,
  }),
  syntheticObject({
    noradCatId: 90002,
    name: 'HEAD-ON B',
    epochUnixMs: E,
    meanMotionRevPerDay: 15.1995,
    eccentricity: 0.0001,
    inclinationDeg: 135,
    raanDeg: 180,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 0,
  }),
  // GEO pair a few km apart drifting at decimetres per second (eccentricity difference).
  syntheticObject({
    noradCatId: 90003,
    name: 'GEO A',
    epochUnixMs: E,
    meanMotionRevPerDay: 1.00273791,
    eccentricity: 0.0002,
    inclinationDeg: 0.05,
    raanDeg: 80,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 10,
  }),
  syntheticObject({
    noradCatId: 90004,
    name: 'GEO B',
    epochUnixMs: E,
    meanMotionRevPerDay: 1.00273791,
    eccentricity: 0.00025,
    inclinationDeg: 0.05,
    raanDeg: 80,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 10.004,
  }),
  // GTO perigee (≈ 10 km/s) through a 400 km circular orbit, both at the node one hour into the window.
  syntheticObject({
    noradCatId: 90005,
    name: 'GTO',
    epochUnixMs: E + 3_600_000,
    meanMotionRevPerDay: 2.2545,
    eccentricity: 0.7222,
    inclinationDeg: 28,
    raanDeg: 0,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 0,
  }),
  // LEO elements solved (mean anomaly and node scanned) so that SGP4 puts it 0.8 km from the GTO perigee.
  syntheticObject({
    noradCatId: 90006,
    name: 'LEO 420',
    epochUnixMs: E + 3_607_500,
    meanMotionRevPerDay: 15.4815,
    eccentricity: 0.0001,
    inclinationDeg: 60,
    raanDeg: 0.338,
    argOfPericenterDeg: 0,
    meanAnomalyDeg: 0.0326,
  }),
];

describe('injected stress cases against the reference (24 h)', () => {
  const request: ScreeningRequest = {
    objects: injected,
    startUnixMs: E,
    endUnixMs: E + 86_400_000,
    thresholdKm: 5,
  };
  const { engine, reference } = expectFullRecall(request, 4);
  const pairEvents = (a: number, b: number) =>
    reference.conjunctions.filter((e) => e.index1 === a && e.index2 === b);

  it('finds the head-on LEO pair at about 15 km/s, several times a day', () => {
    const events = pairEvents(0, 1);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) expect(e.relSpeedKmS).toBeGreaterThan(14.5);
  });

  it('finds the slow GEO pair (below 1 m/s)', () => {
    const events = pairEvents(2, 3);
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) expect(e.relSpeedKmS).toBeLessThan(0.001);
  });

  it('finds the GTO perigee pass through LEO', () => {
    const events = pairEvents(4, 5);
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) expect(e.relSpeedKmS).toBeGreaterThan(4);
  });

  it('is deterministic whatever the chunking', () => {
    // Other chunk boundaries give other root brackets: the same events, TCAs within the 10 µs root tolerance.
    const other = screenCatalog({ ...request, chunkSteps: 97 });
    expect(other.conjunctions.length).toBe(engine.conjunctions.length);
    other.conjunctions.forEach((e, k) => {
      const f = engine.conjunctions[k];
      expect([e.index1, e.index2, e.edge]).toEqual([f?.index1, f?.index2, f?.edge]);
      expect(Math.abs(e.tcaUnixMs - (f?.tcaUnixMs ?? 0))).toBeLessThan(0.02);
    });
  });

  it('reports an encounter with a threshold just above its miss and not with one just below', () => {
    const target = pairEvents(0, 1)[0];
    expect(target).toBeDefined();
    if (!target) return;
    const pair = { ...request, objects: [injected[0], injected[1]] as ScreeningObject[] };
    const near = (thresholdKm: number) =>
      screenCatalog({ ...pair, thresholdKm }).conjunctions.filter(
        (e) => Math.abs(e.tcaUnixMs - target.tcaUnixMs) < 1,
      );
    expect(near(target.missKm + 0.001)).toHaveLength(1);
    expect(near(target.missKm - 0.001)).toHaveLength(0);
  });
});

describe('exclusions are counted and reported', () => {
  it('excludes stale element sets and decaying objects with stable codes', () => {
    const stale = syntheticObject({
      noradCatId: 90010,
      name: 'STALE',
      epochUnixMs: E - 40 * 86_400_000,
      meanMotionRevPerDay: 15.2,
      eccentricity: 0.001,
      inclinationDeg: 51.6,
      raanDeg: 10,
      argOfPericenterDeg: 0,
      meanAnomalyDeg: 0,
    });
    const decaying = syntheticObject({
      noradCatId: 90011,
      name: 'DECAYING',
      epochUnixMs: E,
      meanMotionRevPerDay: 16.3,
      eccentricity: 0.001,
      inclinationDeg: 51.6,
      raanDeg: 10,
      argOfPericenterDeg: 0,
      meanAnomalyDeg: 0,
      bstarPerEarthRadii: 0.9,
    });
    const result = screenCatalog({
      objects: [...injected, stale, decaying],
      startUnixMs: E,
      endUnixMs: E + 2 * 86_400_000,
      thresholdKm: 5,
      maxElementSetAgeDays: 30,
    });
    expect(result.stats.excludedByReason['STALE_ELEMENT_SET']).toBe(1);
    const decayExclusion = result.exclusions.find((x) => x.index === 7);
    // Drag this strong ends in SGP4's decay or eccentricity error, whichever it meets first.
    expect(decayExclusion?.code).toMatch(/^SGP4_|^BELOW_SURFACE$/);
    expect(result.stats.objectsScreened).toBe(6);
    expect(result.conjunctions.every((c) => c.index1 < 6 && c.index2 < 6)).toBe(true);
  });
});

describe('an object that decays after the window end', () => {
  // SL-8 DEB (9572), from the 2023-10-09 catalog (data/sample): SGP4 reports decay (error 6) at the knot of
  // 2023-10-12T18:22:08.927Z of a 7-day screening from the catalog's median epoch, 3.3 days into it.
  const sl8 = parseTle(
    [
      '0 SL-8 DEB',
      '1 09572U 75112C   23281.09328950  .08088259  19070-5  31259-2 0  9995',
      '2 09572  73.9823 310.2340 0008125 285.2222  74.8130 16.23822304554704',
    ].join('\n'),
    'sl8-deb.3le',
  ).records.map((es) => ({ elementSet: es, regime: classifyRegime(es) }));
  const decayUnixMs = Date.parse('2023-10-12T18:22:08.927Z');

  it('is screened, not excluded, over a window shorter than its orbit that ends an hour before its decay', () => {
    expect(sl8.length).toBe(1);
    // The error measurement spans one orbit (about 89 min) from the window start, past the decay.
    const window = { startUnixMs: decayUnixMs - 80 * 60_000, endUnixMs: decayUnixMs - 60 * 60_000 };
    const result = screenCatalog({ objects: [...injected, ...sl8], ...window, thresholdKm: 5 });
    expect(result.exclusions).toEqual([]);
    expect(result.stats.objectsScreened).toBe(injected.length + 1);
    // Over the whole day before the decay it is excluded, with the SGP4 code and the time it failed.
    const late = screenCatalog({
      objects: [...injected, ...sl8],
      startUnixMs: decayUnixMs - 86_400_000,
      endUnixMs: decayUnixMs + 3_600_000,
      thresholdKm: 5,
    });
    expect(late.exclusions.map((x) => [x.index, x.code])).toEqual([[injected.length, 'SGP4_DECAYED']]);
  });
});
