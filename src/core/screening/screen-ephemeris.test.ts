import { describe, expect, it } from 'vitest';
import { ISS_NEIGHBOURS, sample3le } from '../../../test/screening/sample-3le.js';
import { parseTle } from '../../formats/tle/parse-tle.js';
import type { ElementSet } from '../orbits/element-set.js';
import { classifyRegime } from '../orbits/regime.js';
import type { EphemerisSegment } from '../orbits/tabulated-ephemeris.js';
import { EPHEMERIS_EXTENSION_S, EphemerisStateSource } from './ephemeris-states.js';
import { referenceScreen } from './reference-screener.js';
import { screenCatalog } from './screen-catalog.js';
import { buildScreeningPlan } from './screening-plan.js';
import { compareWithReference } from './screening-test-support.js';
import type { EphemerisObject, ScreeningObject, ScreeningRequest } from './screening-types.js';
import { Sgp4States } from './sgp4-states.js';

// The ISS and its neighbours in the bundled 2023 catalog, 12 h, 25 km: six conjunctions and two docked vehicles.
const catalog: ScreeningObject[] = parseTle(sample3le(ISS_NEIGHBOURS), 'iss-neighbours.3le').records.map(
  (elementSet) => ({ elementSet, regime: classifyRegime(elementSet) }),
);
const W0 = Date.UTC(2023, 9, 9, 12);
const W1 = Date.UTC(2023, 9, 10, 0);
const H = 3_600_000;
const elementSetOf = (o: ScreeningObject | undefined) => o?.elementSet as ElementSet;

/** SGP4 states of an element set every `stepS` over [from, to] as one ephemeris segment (TEME, Lagrange 7). */
function sgp4Segment(es: ElementSet, from: number, to: number, stepS = 60): EphemerisSegment {
  const sgp4 = new Sgp4States([es]);
  const n = Math.round((to - from) / (stepS * 1000)) + 1;
  const epochsUnixMs = new Float64Array(n);
  const statesTeme = new Float64Array(n * 6);
  for (let k = 0; k < n; k++) {
    epochsUnixMs[k] = from + k * stepS * 1000;
    if (sgp4.stateAt(0, epochsUnixMs[k] as number, statesTeme, k * 6) !== 0) throw new Error('SGP4 failed');
  }
  return {
    usableStartUnixMs: from,
    usableStopUnixMs: to,
    interpolation: 'LAGRANGE',
    interpolationDegree: 7,
    epochsUnixMs,
    statesTeme,
  };
}

function tabulated(es: ElementSet, segments: EphemerisSegment[]): EphemerisObject {
  return { ephemeris: { segments }, regime: classifyRegime(es), noradCatId: es.noradCatId };
}

const iss = elementSetOf(catalog[0]);
const sgp4Request: ScreeningRequest = {
  objects: catalog,
  startUnixMs: W0,
  endUnixMs: W1,
  thresholdKm: 25,
  primaryIndices: [0],
};
const sgp4Result = screenCatalog(sgp4Request);

describe('screening a primary given by an ephemeris', () => {
  const request: ScreeningRequest = {
    ...sgp4Request,
    objects: [tabulated(iss, [sgp4Segment(iss, W0, W1)]), ...catalog.slice(1)],
  };
  const result = screenCatalog(request);

  it('finds the conjunctions of the element set it was sampled from (60 s, Lagrange 7): same TCA to 1 ms, miss to 1 m', () => {
    // Degree-7 Lagrange on 60 s SGP4 samples is exact to micrometres: any frame, time or interpolation slip
    // in the tabulated path would show up far above these tolerances.
    expect(sgp4Result.conjunctions).toHaveLength(6);
    expect(result.conjunctions).toHaveLength(sgp4Result.conjunctions.length);
    result.conjunctions.forEach((e, k) => {
      const f = sgp4Result.conjunctions[k];
      expect([e.index1, e.index2, e.edge]).toEqual([f?.index1, f?.index2, f?.edge]);
      expect(Math.abs(e.tcaUnixMs - (f?.tcaUnixMs ?? 0))).toBeLessThan(1);
      expect(Math.abs(e.missKm - (f?.missKm ?? 0))).toBeLessThan(0.001);
      expect(Math.abs(e.relSpeedKmS - (f?.relSpeedKmS ?? 0))).toBeLessThan(1e-5);
    });
    expect(result.persistent.map((p) => [p.index2, p.fromUnixMs, p.toUnixMs])).toEqual(
      sgp4Result.persistent.map((p) => [p.index2, p.fromUnixMs, p.toUnixMs]),
    );
    expect(result.stats.objectsTabulated).toBe(1);
  });

  it('misses nothing the brute-force reference (exact states every 2 s) finds', () => {
    const reference = referenceScreen(request, { stepS: 2 });
    const report = compareWithReference(result.conjunctions, reference.conjunctions, result.persistent);
    expect(report.referenceEvents).toBe(6);
    expect(report.missed).toEqual([]);
    expect(report.extra).toEqual([]);
    expect(report.maxTcaDifferenceMs).toBeLessThanOrEqual(2);
  });

  it('reports a coverage gap as an exclusion over that span, not silently', () => {
    const gapped = screenCatalog({
      ...request,
      objects: [
        tabulated(iss, [sgp4Segment(iss, W0, W0 + 2 * H), sgp4Segment(iss, W0 + 3 * H, W1)]),
        ...catalog.slice(1),
      ],
    });
    expect(gapped.exclusions.filter((x) => x.index === 0)).toEqual([
      {
        index: 0,
        code: 'OUTSIDE_EPHEMERIS',
        detail:
          'no ephemeris from 2023-10-09T14:00:00.000Z to 2023-10-09T15:00:00.000Z: not screened over that span',
        fromUnixMs: W0 + 2 * H,
        toUnixMs: W0 + 3 * H,
      },
    ]);
    expect(gapped.stats.excludedByReason['OUTSIDE_EPHEMERIS']).toBe(1);
    expect(gapped.stats.coveragePieces).toBe(2);
    // The 14:24 pass of XIAOXIANG 1 falls in the gap; the others are found as with the element set.
    const expected = sgp4Result.conjunctions.filter(
      (e) => e.tcaUnixMs < W0 + 2 * H || e.tcaUnixMs > W0 + 3 * H,
    );
    expect(expected).toHaveLength(5);
    expect(gapped.conjunctions.map((e) => [e.index2, Math.round(e.tcaUnixMs)])).toEqual(
      expected.map((e) => [e.index2, Math.round(e.tcaUnixMs)]),
    );
    // Each docked vehicle: one proximity on each side of the gap.
    expect(gapped.persistent.map((p) => [p.index2, p.fromUnixMs, p.toUnixMs])).toEqual([
      [5, W0, W0 + 2 * H],
      [5, W0 + 3 * H, W1],
      [6, W0, W0 + 2 * H],
      [6, W0 + 3 * H, W1],
    ]);
  });

  it('an ephemeris ending mid-window leaves the other objects whole (no artefact at the cut)', () => {
    // PROGRESS MS-24 (docked) as a second tabulated primary covering only the first 6 h: the window is cut in
    // two at 18:00, yet the ISS's events and its proximity with NAUKA go on across the cut unchanged.
    const progress = elementSetOf(catalog[6]);
    const twoPrimaries = screenCatalog({
      ...request,
      objects: [
        tabulated(iss, [sgp4Segment(iss, W0, W1)]),
        ...catalog.slice(1, 6),
        tabulated(progress, [sgp4Segment(progress, W0, W0 + 6 * H)]),
        ...catalog.slice(7),
      ],
      primaryIndices: [0, 6],
    });
    expect(twoPrimaries.stats.coveragePieces).toBe(2);
    expect(twoPrimaries.exclusions.find((x) => x.index === 6)).toMatchObject({
      code: 'OUTSIDE_EPHEMERIS',
      fromUnixMs: W0 + 6 * H,
      toUnixMs: W1,
    });
    const issEvents = twoPrimaries.conjunctions.filter((e) => e.index1 === 0);
    expect(issEvents.map((e) => [e.index2, e.edge, Math.round(e.tcaUnixMs)])).toEqual(
      result.conjunctions.map((e) => [e.index2, e.edge, Math.round(e.tcaUnixMs)]),
    );
    const nauka = twoPrimaries.persistent.filter((p) => p.index1 === 0 && p.index2 === 5);
    expect(nauka.map((p) => [p.fromUnixMs, p.toUnixMs])).toEqual([[W0, W1]]);
    expect(nauka[0]?.minRangeKm).toBeCloseTo(result.persistent[0]?.minRangeKm ?? 0, 9);
    // ISS-PROGRESS and PROGRESS-NAUKA: docked while PROGRESS is covered, then nothing (it is excluded).
    const withProgress = twoPrimaries.persistent.filter((p) => p.index1 === 6 || p.index2 === 6);
    expect(withProgress.map((p) => [p.fromUnixMs, p.toUnixMs])).toEqual([
      [W0, W0 + 6 * H],
      [W0, W0 + 6 * H],
    ]);
  });

  it('takes ephemeris objects as primaries only, one segment per object in a plan', () => {
    const e = tabulated(iss, [sgp4Segment(iss, W0, W1)]);
    expect(() =>
      buildScreeningPlan({ ...request, objects: [e, ...catalog.slice(1)], primaryIndices: [1] }),
    ).toThrow(/only be screened as a primary/);
    const split = tabulated(iss, [sgp4Segment(iss, W0, W0 + 6 * H), sgp4Segment(iss, W0 + 6 * H, W1)]);
    expect(() => buildScreeningPlan({ ...request, objects: [split, ...catalog.slice(1)] })).toThrow(
      /one ephemeris segment per object/,
    );
  });
});

describe('ephemeris states', () => {
  const segment = sgp4Segment(iss, W0, W0 + 2 * H);
  const source = new EphemerisStateSource({ segments: [segment] });
  const sgp4 = new Sgp4States([iss]);
  const at = (t: number) => {
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    expect(source.stateAt(t, a)).toBe(0);
    expect(sgp4.stateAt(0, t, b)).toBe(0);
    return Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
  };

  it('interpolate SGP4 samples to micrometres and extend past the end with J2 (knots only)', () => {
    expect(at(W0 + 30_000)).toBeLessThan(1e-6);
    expect(at(W0 + H + 12_345)).toBeLessThan(1e-6);
    // 10 min past the last sample the J2 extension is within a few hundred metres of SGP4 (drag, higher
    // terms): it only shapes the interpolant's last knot interval, whose error is measured like the others.
    expect(at(W0 + 2 * H + 600_000)).toBeLessThan(0.5);
  });

  it('refuse times beyond the extension with OUTSIDE_EPHEMERIS', () => {
    const out = new Float64Array(6);
    expect(source.stateAt(W0 + 2 * H + EPHEMERIS_EXTENSION_S * 1000 + 1, out)).toBe(10);
    expect(source.stateAt(W0 - EPHEMERIS_EXTENSION_S * 1000 - 1, out)).toBe(10);
  });
});
