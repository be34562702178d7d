import { twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../orbits/element-set.js';
import { julianDateFromDayOfYear } from '../time/julian-date.js';
import { propagateAt, propagateMinutesSinceEpoch } from './propagate.js';
import { createSgp4Model } from './sgp4-model.js';

// CelesTrak's documented ISS element set (https://celestrak.org/NORAD/documentation/tle-fmt.php).
const ISS_LINE1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_LINE2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

/** The same element set as an OMM would carry it (values typed in from the two lines above). */
const ISS: ElementSet = {
  catalogId: '25544',
  noradCatId: 25544,
  objectName: 'ISS (ZARYA)',
  objectId: '1998-067A',
  classification: 'U',
  epoch: { scale: 'UTC', jd: julianDateFromDayOfYear(2008, 264.51782528) },
  epochIso: '2008-09-20T12:25:40.104192Z',
  meanMotionRevPerDay: 15.72125391,
  eccentricity: 0.0006703,
  inclinationDeg: 51.6416,
  raanDeg: 247.4627,
  argOfPericenterDeg: 130.536,
  meanAnomalyDeg: 325.0288,
  bstarPerEarthRadii: -0.11606e-4,
  meanMotionDotRevPerDay2: -0.00002182,
  meanMotionDdotRevPerDay3: 0,
  ephemerisType: 0,
  elementSetNo: 292,
  revAtEpoch: 56353,
  origin: { file: 'omm.json', line: 1, format: 'omm-json' },
};

describe('createSgp4Model', () => {
  it('feeds SGP4 the exact TLE when the values are TLE values: same numbers as the original lines', () => {
    const model = createSgp4Model(ISS);
    expect(model.ok).toBe(true);
    if (!model.ok) return;
    expect(model.value.inputPath).toBe('tle-text');
    const reference = twoline2satrec(ISS_LINE1, ISS_LINE2);
    for (const key of [
      'no',
      'ecco',
      'inclo',
      'nodeo',
      'argpo',
      'mo',
      'bstar',
      'ndot',
      'nddot',
      'jdsatepoch',
    ] as const) {
      expect(model.value.satrec[key]).toBe(reference[key]);
    }
  });

  it('takes an OMM epoch rounded to the microsecond as the TLE epoch it came from', () => {
    // 264.51782528 d = 12:25:40.104192 exactly; an OMM printing 6 decimals may differ by < 0.5 µs.
    const omm = {
      ...ISS,
      epoch: { scale: 'UTC' as const, jd: julianDateFromDayOfYear(2008, 264.517825280003) },
    };
    const model = createSgp4Model(omm);
    expect(model.ok && model.value.inputPath).toBe('tle-text');
  });

  it('uses the full-precision path for values a TLE cannot hold, within metres of the rounded set', () => {
    const precise = { ...ISS, meanAnomalyDeg: 325.02881234, raanDeg: 247.46271111 };
    const model = createSgp4Model(precise);
    const rounded = createSgp4Model(ISS);
    expect(model.ok && model.value.inputPath).toBe('omm-json');
    if (!model.ok || !rounded.ok) return;
    const a = propagateMinutesSinceEpoch(model.value, 90);
    const b = propagateMinutesSinceEpoch(rounded.value, 90);
    if (!a.ok || !b.ok) throw new Error('propagation failed');
    const dKm = Math.hypot(...a.value.positionKm.map((x, i) => x - (b.value.positionKm[i] ?? 0)));
    // 1.234e-5° of mean anomaly ≈ 1.4 m along track at 6,720 km radius; the node change adds ~1 m.
    expect(dKm).toBeGreaterThan(0.0005);
    expect(dKm).toBeLessThan(0.01);
  });

  it('rejects what SGP4 cannot start from, with codes', () => {
    const bad = (patch: Partial<ElementSet>) => {
      const r = createSgp4Model({ ...ISS, ...patch });
      return r.ok ? 'ok' : r.code;
    };
    expect(bad({ eccentricity: 1.05 })).toBe('SGP4_MEAN_ECCENTRICITY');
    expect(bad({ meanMotionRevPerDay: 0 })).toBe('INVALID_ELEMENTS');
    expect(bad({ inclinationDeg: Number.NaN })).toBe('INVALID_ELEMENTS');
  });
});

describe('propagateAt', () => {
  it('carries the element set age and agrees with minutes since epoch', () => {
    const model = createSgp4Model(ISS);
    if (!model.ok) throw new Error(model.message);
    const t = {
      scale: 'UTC' as const,
      jd: { whole: ISS.epoch.jd.whole + 1, fraction: ISS.epoch.jd.fraction },
    };
    const a = propagateAt(model.value, t);
    const b = propagateMinutesSinceEpoch(model.value, 1440);
    if (!a.ok || !b.ok) throw new Error('propagation failed');
    expect(a.value.elementSetAgeDays).toBeCloseTo(1, 12);
    expect(a.value.frame).toBe('TEME');
    for (let i = 0; i < 3; i++) expect(a.value.positionKm[i]).toBeCloseTo(b.value.positionKm[i] ?? 0, 8);
  });

  it('flags a decayed object (ISS elements with enormous drag) as SGP4_DECAYED', () => {
    const model = createSgp4Model({ ...ISS, bstarPerEarthRadii: 0.5 });
    if (!model.ok) throw new Error(model.message);
    const r = propagateMinutesSinceEpoch(model.value, 30 * 1440);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('SGP4_DECAYED');
  });
});
