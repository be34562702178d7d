import { describe, expect, it } from 'vitest';
import { parseIsoUtc } from '../time/iso-8601.js';
import { daysBetween } from '../time/julian-date.js';
import { circularSpeedKmS, hohmannTransfer, orbitalPeriodS } from './hohmann.js';
import { raanRateDegPerDay } from './j2-raan-drift.js';
import { gmstDeg, launchPlaneGeometry, nextLaunchWindows } from './launch-window.js';
import { phasingTimeS, synodicPeriodS } from './phasing.js';
import { planeAngleDeg, planeChangeDeltaVKmS } from './plane-change.js';
import { EARTH_RADIUS_KM } from './two-body-constants.js';

// Expected figures: rescue basis §6.3–§6.5 (derived there with the §6.2 constants) and the Astronomical
// Almanac GMST. Tolerances are half a unit in the last printed digit unless stated.
const R = (altKm: number) => EARTH_RADIUS_KM + altKm;
const utc = (s: string) => {
  const r = parseIsoUtc(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('Hohmann, periods, plane change (basis §6.3, §6.5)', () => {
  it('200 → 400 km: Δv1 58.07, Δv2 57.63, total 115.70 m/s, TOF 45.26 min', () => {
    const h = hohmannTransfer(R(200), R(400));
    expect(h.deltaV1KmS * 1000).toBeCloseTo(58.07, 2);
    expect(h.deltaV2KmS * 1000).toBeCloseTo(57.63, 2);
    expect(h.totalDeltaVKmS * 1000).toBeCloseTo(115.7, 1);
    expect(h.transferTimeS / 60).toBeCloseTo(45.26, 2);
  });
  it('circular periods 92.97 min at 420 km and 92.36 min at 390 km; v = 7.669 km/s at 400 km', () => {
    expect(orbitalPeriodS(R(420)) / 60).toBeCloseTo(92.97, 2);
    expect(orbitalPeriodS(R(390)) / 60).toBeCloseTo(92.36, 2);
    expect(circularSpeedKmS(R(400))).toBeCloseTo(7.669, 3);
  });
  it('plane change: 133.8 m/s per degree at 400 km; 0.24 deg at 7.8 km/s ≈ 33 m/s', () => {
    expect(planeChangeDeltaVKmS(1, circularSpeedKmS(R(400))) * 1000).toBeCloseTo(133.8, 1);
    expect(Math.abs(planeChangeDeltaVKmS(0.24, 7.8) * 1000 - 33)).toBeLessThan(0.5);
  });
  it('ISS–Tiangong plane angle and Δv at 400 km for ΔΩ = 0, 30, 90, 180 deg', () => {
    const v = circularSpeedKmS(R(400));
    const table: [number, number, number][] = [
      [0, 10.17, 1.36],
      [30, 23.83, 3.17],
      [90, 62.29, 7.93],
      [180, 93.11, 11.1],
    ];
    for (const [dRaan, theta, dv] of table) {
      const a = planeAngleDeg(51.64, 41.47, dRaan);
      expect(a).toBeCloseTo(theta, 2);
      expect(Math.abs(planeChangeDeltaVKmS(a, v) - dv)).toBeLessThan(dv >= 10 ? 0.05 : 0.005);
    }
  });
});

describe('J2 nodal regression (basis §6.4)', () => {
  it.each([
    [420, 51.64, -4.947],
    [400, 51.6, -5.002],
    [390, 41.47, -6.066],
    [380, 41.47, -6.097],
  ])('%d km, %d deg: %d deg/day', (alt, inc, rate) => {
    expect(raanRateDegPerDay(R(alt), 0, inc)).toBeCloseTo(rate, 3);
  });
  it('relative drift ISS–Tiangong ≈ 1.1 deg/day', () => {
    expect(raanRateDegPerDay(R(420), 0, 51.64) - raanRateDegPerDay(R(390), 0, 41.47)).toBeCloseTo(1.1, 1);
  });
});

describe('launch plane and windows (basis §6.3)', () => {
  it.each([
    ['Jiuquan → Tiangong', 40.96, 41.47, 82.85, 79.17, 1.44],
    ['Wenchang → Tiangong', 19.61, 41.47, 52.7, 23.77, undefined],
    ['KSC → Tiangong', 28.57, 41.47, 58.56, 38.03, undefined],
    ['Baikonur → ISS', 45.96, 51.64, 63.22, 54.93, 4.66],
    ['KSC → ISS', 28.57, 51.64, 44.96, 25.53, undefined],
    ['Jiuquan → ISS', 40.96, 51.64, 55.27, 43.4, undefined],
  ])('%s: β, Δλ and pass gap', (_name, lat, inc, beta, dl, gap) => {
    const g = launchPlaneGeometry(lat, inc);
    expect(g.direct).toBe(true);
    expect(g.ascendingAzimuthDeg ?? 0).toBeCloseTo(beta, 2);
    expect(g.descendingAzimuthDeg ?? 0).toBeCloseTo(180 - beta, 2);
    expect(g.deltaLambdaDeg ?? 0).toBeCloseTo(dl, 2);
    if (gap !== undefined) expect(g.passGapHours ?? 0).toBeCloseTo(gap, 2);
  });
  it('no direct launch from Baikonur to Tiangong (45.96 > 41.47) or Vostochny to ISS (short by 0.24 deg)', () => {
    expect(launchPlaneGeometry(45.96, 41.47)).toMatchObject({ direct: false });
    expect(launchPlaneGeometry(45.96, 41.47).shortfallDeg).toBeCloseTo(4.49, 2);
    expect(launchPlaneGeometry(51.88, 51.64).shortfallDeg).toBeCloseTo(0.24, 2);
    expect(launchPlaneGeometry(51.88, 41.47).direct).toBe(false);
  });
  it('GMST matches the Astronomical Almanac (2000-01-01 12:00 UT1: 280.46061837 deg)', () => {
    expect(gmstDeg(utc('2000-01-01T12:00:00Z'))).toBeCloseTo(280.46061837, 6);
  });
  it('windows: two in-plane passes per sidereal day, the site on the plane at each', () => {
    const epoch = utc('2025-11-24T00:00:00Z');
    const target = { inclinationDeg: 41.47, raanDeg: 123.4, epoch, raanRateDegPerDay: -6.066 };
    const w = nextLaunchWindows({ latitudeDeg: 40.958, longitudeDeg: 100.291 }, target, epoch, 4);
    expect(w.map((x) => x.pass)).toEqual(['ascending', 'descending', 'ascending', 'descending']);
    const [a0, d0, a1] = w;
    if (!a0 || !d0 || !a1) throw new Error('windows missing');
    // Gap ascending → descending ≈ 1.44 h (sidereal) and one synodic day to the next ascending pass.
    expect(daysBetween(a0.utc.jd, d0.utc.jd) * 24).toBeCloseTo(1.44, 1);
    expect(daysBetween(a0.utc.jd, a1.utc.jd) * 24).toBeCloseTo(24 * (360 / (360.98564736629 + 6.066)), 3);
    const lst = gmstDeg(a0.utc) + 100.291;
    const raan = 123.4 - 6.066 * daysBetween(epoch.jd, a0.utc.jd);
    const dl = launchPlaneGeometry(40.958, 41.47).deltaLambdaDeg ?? Number.NaN;
    const residual = ((((lst - raan - dl) % 360) + 540) % 360) - 180;
    expect(Math.abs(residual)).toBeLessThan(1e-6);
  });
});

describe('phasing (basis §6.5)', () => {
  it('t = Δθ / (n_c − n_t); no catch-up from above', () => {
    // A chaser at 200 km gains one full lap on a 400 km target in one synodic period.
    const syn = synodicPeriodS(R(200), R(400));
    expect(phasingTimeS(360 - 1e-9, R(200), R(400)) ?? 0).toBeCloseTo(syn, 0);
    expect(phasingTimeS(90, R(200), R(400)) ?? 0).toBeCloseTo(syn / 4, 0);
    expect(phasingTimeS(10, R(420), R(400))).toBeUndefined();
  });
});
