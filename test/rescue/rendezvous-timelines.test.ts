import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gmstDeg } from '../../src/core/orbits/launch-window.js';
import {
  argumentOfLatitudeRateRadS,
  insertionGeometry,
  rendezvousTimeline,
} from '../../src/core/orbits/rendezvous-timeline.js';
import { EARTH_RADIUS_KM, MU_EARTH_KM3_S2 } from '../../src/core/orbits/two-body-constants.js';
import { propagateAt } from '../../src/core/propagation/propagate.js';
import { createSgp4Model } from '../../src/core/propagation/sgp4-model.js';
import { rendezvousWithoutPhase } from '../../src/core/rescue/rendezvous-estimate.js';
import { RENDEZVOUS_PARAMETERS } from '../../src/core/rescue/rendezvous-parameters.js';
import { parseIsoUtc } from '../../src/core/time/iso-8601.js';
import { addDays } from '../../src/core/time/julian-date.js';
import { parseTle } from '../../src/formats/tle/parse-tle.js';

// Documented launch-to-docking times (rescue basis §6.1): Soyuz MS-17 3 h 03 min 46 s (RSC Energia), Shenzhou-22
// 3 h 39 min ("about 3.5 h", CMSA), Crew Dragon Demo-2 18 h 53 min and Crew-9 about 28 h 13 min. The model
// computes times from the orbits; nothing below reads a stored duration.
const file = 'iss-rendezvous-tles.txt';
const text = readFileSync(new URL(`../fixtures/rescue/${file}`, import.meta.url), 'utf8');
const parsed = parseTle(text, file);
const utc = (s: string) => {
  const r = parseIsoUtc(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const param = (id: string) => {
  const p = RENDEZVOUS_PARAMETERS.get(id);
  if (!p) throw new Error(id);
  return p;
};

/** Phase at insertion for a real launch, from the ISS element set (SGP4) and the pad position. */
function realGeometry(index: number, liftoff: string, pad: { latitudeDeg: number; longitudeDeg: number }) {
  const es = parsed.records[index];
  if (!es) throw new Error(`element set ${index}`);
  const model = createSgp4Model(es);
  if (!model.ok) throw new Error(model.message);
  const t = utc(liftoff);
  const p = param('soyuz-ms');
  const st = propagateAt(model.value, { scale: 'UTC', jd: addDays(t.jd, p.ascentS / 86_400) });
  if (!st.ok) throw new Error(st.message);
  const n = (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  return {
    aKm: Math.cbrt(MU_EARTH_KM3_S2 / (n * n)),
    inc: es.inclinationDeg,
    geometry: insertionGeometry({
      site: pad,
      gmstAtLiftoffDeg: gmstDeg(t),
      ascentArcDeg: p.ascentArcDeg,
      targetAtInsertion: st.value,
    }),
  };
}

const baikonur = { latitudeDeg: 45.965, longitudeDeg: 63.305 }; // Site 31/6, rescue basis §3.1
// LC-39A and SLC-40: encyclopaedic pad coordinates (Wikipedia), used here only; passports keep them unknown.
const lc39a = { latitudeDeg: 28.6084, longitudeDeg: -80.6043 };
const slc40 = { latitudeDeg: 28.5619, longitudeDeg: -80.5774 };

describe('rendezvous timeline mechanics', () => {
  it('the fixture parses with no issues', () => {
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.records).toHaveLength(3);
  });

  it('J2 speeds up the argument of latitude by (3/4) J2 (R/p)² ((2 − 3 sin²i) + (4 − 5 sin²i)) of n', () => {
    const a = EARTH_RADIUS_KM + 420;
    const n = Math.sqrt(MU_EARTH_KM3_S2 / a ** 3);
    const s2 = Math.sin((51.64 * Math.PI) / 180) ** 2;
    const expected = 0.75 * 1.08262668e-3 * (EARTH_RADIUS_KM / a) ** 2 * (2 - 3 * s2 + 4 - 5 * s2);
    expect(argumentOfLatitudeRateRadS(a, 0, 51.64) / n - 1).toBeCloseTo(expected, 10);
    expect(expected).toBeGreaterThan(7e-4); // why it is kept: ≈ 4 deg of target motion per day of phasing
  });

  it('two-orbit scheme, 200 km insertion to the ISS at 420 km: about 3 h and a window of about 20 deg', () => {
    // Catch-up 200 → 420 km: n(200) − n(420) = 360/88.49 − 360/92.97 ≈ 0.196 deg/min; Hohmann 45.3 min gains
    // 180° − 45.3 min × 3.87 deg/min ≈ 4.6 deg. Two periods at 200 km = 176.8 min, plus a 530 s ascent.
    const tl = rendezvousTimeline({
      targetSemiMajorAxisKm: EARTH_RADIUS_KM + 420,
      targetInclinationDeg: 51.64,
      insertion: { perigeeAltitudeKm: 200, apogeeAltitudeKm: 200 },
      phaseAngleDeg: 15,
      strategy: { kind: 'fast', revolutions: 2 },
      ascentS: 530,
      finalApproachS: 1800,
    });
    if (!tl.ok) throw new Error(tl.message);
    expect(tl.value.catchUpRateDegPerMin).toBeCloseTo(0.2, 2);
    expect(tl.value.transferPhaseGainDeg).toBeCloseTo(4.6, 0);
    expect(tl.value.totalS / 60).toBeCloseTo(8.83 + 2 * 88.49, 0);
    const w = tl.value.fastWindowDeg;
    // Window: coast 0 up to 2 × 88.49 − 45.3 − 30 min = 101.7 min at 0.196 deg/min → 4.6 to about 24.5 deg.
    expect(w?.min ?? 0).toBeCloseTo(4.6, 0);
    expect(w?.max ?? 0).toBeGreaterThan(22);
    expect(w?.max ?? 0).toBeLessThan(27);
    expect(tl.value.deltaVMps).toBeCloseTo(125, -1); // Hohmann 200 → 420 km, basis §6.5 formulas
    expect(tl.value.phasingCoastS + tl.value.transferS + tl.value.finalApproachS).toBeCloseTo(
      2 * 88.49 * 60,
      -2,
    );
  });

  it('a phase outside the fast window is refused with a stable code; multi-revolution then closes it', () => {
    const base = {
      targetSemiMajorAxisKm: EARTH_RADIUS_KM + 420,
      targetInclinationDeg: 51.64,
      insertion: { perigeeAltitudeKm: 200, apogeeAltitudeKm: 200 },
      phaseAngleDeg: 90,
      ascentS: 530,
      finalApproachS: 1800,
    };
    const fast = rendezvousTimeline({ ...base, strategy: { kind: 'fast', revolutions: 2 } });
    expect(fast.ok ? '' : fast.code).toBe('RENDEZVOUS_PHASE_OUTSIDE_FAST_WINDOW');
    const multi = rendezvousTimeline({ ...base, strategy: { kind: 'multi-revolution' } });
    if (!multi.ok) throw new Error(multi.message);
    // (90 − 4.6) deg / (360/88.49 − 360/92.97 = 0.196 deg/min) ≈ 436 min of coast; ±5 min.
    expect(multi.value.phasingCoastS / 60).toBeCloseTo((90 - 4.6) / 0.196, -1);
    const above = rendezvousTimeline({
      ...base,
      insertion: { perigeeAltitudeKm: 450, apogeeAltitudeKm: 450 },
      strategy: { kind: 'multi-revolution' },
    });
    expect(above.ok ? '' : above.code).toBe('RENDEZVOUS_CHASER_NOT_BELOW');
  });
});

describe('documented timelines from real launch geometry', () => {
  it('Soyuz MS-17 (14 Oct 2020 05:45:04 UTC): launched in plane, phase inside the two-orbit window, 3 h 03 min', () => {
    const { aKm, inc, geometry } = realGeometry(0, '2020-10-14T05:45:04Z', baikonur);
    // Launch window: the pad was in the ISS plane at liftoff. 0.5 deg ≈ 2 min of Earth rotation at 46 N.
    expect(Math.abs(geometry.siteOutOfPlaneDeg)).toBeLessThan(0.5);
    const p = param('soyuz-ms');
    const tl = rendezvousTimeline({
      targetSemiMajorAxisKm: aKm,
      targetInclinationDeg: inc,
      insertion: p.insertion,
      phaseAngleDeg: geometry.phaseAngleDeg,
      strategy: p.preferred,
      ascentS: p.ascentS,
      finalApproachS: p.finalApproachS,
    });
    if (!tl.ok) throw new Error(tl.message); // outside the window would fail here
    const w = tl.value.fastWindowDeg;
    expect(geometry.phaseAngleDeg).toBeGreaterThan(w?.min ?? 0);
    expect(geometry.phaseAngleDeg).toBeLessThan(w?.max ?? 0);
    // Documented 3 h 03 min 46 s = 183.8 min. Tolerance 5 min: the insertion period (200 km assumed; Soyuz's
    // real insertion orbit is elliptical) and the assumed 530 s ascent each move the total by 1–3 min.
    expect(Math.abs(tl.value.totalS / 60 - 183.77)).toBeLessThan(5);
  });

  it('Shenzhou fast rendezvous to Tiangong (~390 km): two orbits give 3 h 06 min vs 3 h 39 min documented', () => {
    // No Tiangong element set of Nov 2025 is bundled, so the phase is unknown: the scheme's fixed duration is
    // checked. Tolerance 40 min, one-sided: the revolution count of CMSA's 3.5 h scheme is not in the basis
    // (assumed 2); the mechanics must not exceed the documented time and must be within 40 min of it.
    const est = rendezvousWithoutPhase(param('shenzhou'), EARTH_RADIUS_KM + 390, 41.47);
    if (!est) throw new Error('no estimate');
    const minutes = est.nominal.totalS / 60;
    expect(minutes).toBeLessThanOrEqual(219);
    expect(219 - minutes).toBeLessThan(40);
    // Tiangong is lower than the ISS, so the catch-up is slower and the two-orbit window narrower.
    expect(est.nominal.catchUpRateDegPerMin).toBeLessThan(0.2);
    expect(est.nominal.catchUpRateDegPerMin).toBeCloseTo(0.171, 2);
  });

  it('Crew Dragon: about a day; Demo-2 and Crew-9 phases from real geometry order their durations', () => {
    const p = param('crew-dragon');
    const demo2 = realGeometry(1, '2020-05-30T19:22:45Z', lc39a);
    const crew9 = realGeometry(2, '2024-09-28T17:17:00Z', slc40);
    for (const g of [demo2, crew9]) expect(Math.abs(g.geometry.siteOutOfPlaneDeg)).toBeLessThan(1);
    const run = (g: typeof demo2) => {
      const tl = rendezvousTimeline({
        targetSemiMajorAxisKm: g.aKm,
        targetInclinationDeg: g.inc,
        insertion: p.insertion,
        phaseAngleDeg: g.geometry.phaseAngleDeg,
        strategy: p.preferred,
        ascentS: p.ascentS,
        finalApproachS: p.finalApproachS,
      });
      if (!tl.ok) throw new Error(tl.message);
      return tl.value.totalS / 3600;
    };
    // Crew-9 had the larger insertion phase and the longer flight (28.2 h vs 18.9 h): the model agrees in order.
    expect(crew9.geometry.phaseAngleDeg).toBeGreaterThan(demo2.geometry.phaseAngleDeg);
    expect(run(crew9)).toBeGreaterThan(run(demo2));
    // Both documented durations lie inside the multi-revolution envelope (no phasing .. one full synodic lap).
    const est = rendezvousWithoutPhase(p, demo2.aKm, demo2.inc);
    if (!est) throw new Error('no estimate');
    // Dragon's real profile phases more slowly than the minimum (checkouts, hold points): the documented time
    // is at least the minimum-phasing time for its own phase and below the one-lap worst case.
    for (const [g, doc] of [
      [demo2, 18.883],
      [crew9, 28.217],
    ] as const) {
      expect(doc).toBeGreaterThanOrEqual(run(g));
      expect(doc).toBeLessThan(est.latest.totalS / 3600);
    }
    // Typical (mid-lap) phase: "about a day"; tolerance ±6 h (Demo-2 18.9 h, Crew-9 28.2 h around 24 h).
    expect(Math.abs(est.nominal.totalS / 3600 - 24)).toBeLessThanOrEqual(6);
  });
});
