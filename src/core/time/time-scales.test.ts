import { describe, expect, it } from 'vitest';
import { formatIsoUtc, parseIsoUtc } from './iso-8601.js';
import { addSeconds, daysBetween, julianDateFromCalendar } from './julian-date.js';
import type { TaiInstant, UtcInstant } from './time-scale.js';
import {
  julianCenturiesTtSinceJ2000,
  taiToUtc,
  ttMinusUtcSeconds,
  ttToUtc,
  utcCalendarOf,
  utcInstantFromCalendar,
  utcToTai,
  utcToTt,
  utcToUt1JulianDate,
} from './time-scales.js';

function utc(text: string): UtcInstant {
  const r = parseIsoUtc(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const jdValue = (jd: { whole: number; fraction: number }) => jd.whole + jd.fraction;

describe('UTC, TAI, TT', () => {
  it('TAI−UTC = 37 s and TT−UTC = 69.184 s from 2017-01-01 (IERS Bulletin C)', () => {
    const t = utc('2017-01-01T00:00:00Z');
    const tai = unwrap(utcToTai(t));
    expect(daysBetween(t.jd, tai.jd) * 86_400).toBeCloseTo(37, 9);
    expect(unwrap(ttMinusUtcSeconds(t))).toBeCloseTo(69.184, 12);
    const tt = unwrap(utcToTt(t));
    expect(daysBetween(t.jd, tt.jd) * 86_400).toBeCloseTo(69.184, 8);
  });

  it('J2000.0 = 2000-01-01T11:58:55.816 UTC = JD 2451545.0 TT (IAU definition, TAI−UTC = 32 s)', () => {
    const tt = unwrap(utcToTt(utc('2000-01-01T11:58:55.816Z')));
    expect(jdValue(tt.jd)).toBeCloseTo(2_451_545.0, 9);
    expect(julianCenturiesTtSinceJ2000(tt)).toBeCloseTo(0, 12);
  });

  it('Vallado Example 3-15: 2004-04-06 07:51:28.386009 UTC is JD 2453101.828154745 TT', () => {
    // Published in Vallado, Fundamentals of Astrodynamics (2013) Example 3-15 (ΔAT = 32 s).
    const tt = unwrap(utcToTt(utcInstantFromCalendar(2004, 4, 6, 7, 51, 28.386009)));
    expect(Math.abs(jdValue(tt.jd) - 2_453_101.828154745) * 86_400).toBeLessThan(1e-4);
    // ... and T_TT = 0.0426236319 centuries (same example).
    expect(julianCenturiesTtSinceJ2000(tt)).toBeCloseTo(0.0426236319, 10);
  });

  it('UT1 = UTC + ΔUT1 (Vallado Example 3-15: UT1 = 07:51:27.946047 for ΔUT1 = −0.4399619 s)', () => {
    const ut1 = utcToUt1JulianDate(utcInstantFromCalendar(2004, 4, 6, 7, 51, 28.386009), -0.4399619);
    const published = julianDateFromCalendar(2004, 4, 6, 7, 51, 27.946047);
    expect(Math.abs(daysBetween(published, ut1)) * 86_400).toBeLessThan(1e-6);
  });

  it('represents 2016-12-31T23:59:60.5 UTC as the leap second it is (TAI = 2017-01-01T00:00:36.5)', () => {
    const leap = utcInstantFromCalendar(2016, 12, 31, 23, 59, 60.5);
    const tai = unwrap(utcToTai(leap));
    const expected = julianDateFromCalendar(2017, 1, 1, 0, 0, 36.5);
    expect(daysBetween(expected, tai.jd) * 86_400).toBeCloseTo(0, 6);
    const back = unwrap(taiToUtc(tai));
    expect(utcCalendarOf(back)).toMatchObject({ year: 2016, month: 12, day: 31, hour: 23, minute: 59 });
    expect(utcCalendarOf(back).second).toBeCloseTo(60.5, 6);
  });

  it('round-trips TAI → UTC → TAI every 0.25 s across the 2016-12-31 leap second, with no gap or overlap', () => {
    const start: TaiInstant = { scale: 'TAI', jd: julianDateFromCalendar(2017, 1, 1, 0, 0, 30) };
    let previousUtcSeconds = Number.NEGATIVE_INFINITY;
    const labels: string[] = [];
    for (let k = 0; k <= 40; k++) {
      const tai: TaiInstant = { scale: 'TAI', jd: addSeconds(start.jd, k * 0.25) };
      const u = unwrap(taiToUtc(tai));
      const again = unwrap(utcToTai(u));
      expect(Math.abs(daysBetween(tai.jd, again.jd)) * 86_400).toBeLessThan(1e-6);
      const c = utcCalendarOf(u);
      // Seconds since 2016-12-31T00:00:00 UTC counting the leap second (that day lasts 86 401 s).
      const secondsSince = (c.day === 31 ? 0 : 86_401) + c.hour * 3600 + c.minute * 60 + c.second;
      // UTC labels grow monotonically: 23:59:59.xx, 23:59:60.xx, then 00:00:00.xx.
      expect(secondsSince).toBeGreaterThan(previousUtcSeconds);
      previousUtcSeconds = secondsSince;
      if (k % 4 === 0) labels.push(`${c.hour}:${c.minute}:${c.second.toFixed(2)}`);
    }
    // TAI 00:00:30 .. 00:00:40 = UTC 23:59:54 (TAI−UTC 36) .. 00:00:03 (37), through 23:59:60.
    expect(labels).toEqual([
      '23:59:54.00',
      '23:59:55.00',
      '23:59:56.00',
      '23:59:57.00',
      '23:59:58.00',
      '23:59:59.00',
      '23:59:60.00',
      '0:0:0.00',
      '0:0:1.00',
      '0:0:2.00',
      '0:0:3.00',
    ]);
  });

  it('TT → UTC inverts UTC → TT to the microsecond', () => {
    const t = utc('2023-10-10T00:00:00.123456Z');
    const back = unwrap(ttToUtc(unwrap(utcToTt(t))));
    expect(Math.abs(daysBetween(t.jd, back.jd)) * 86_400).toBeLessThan(1e-6);
  });

  it('reports UTC_BEFORE_1972 rather than guessing', () => {
    const r = utcToTt(utc('1969-07-20T20:17:40Z'));
    expect(r.ok ? 'ok' : r.code).toBe('UTC_BEFORE_1972');
  });
});

describe('ISO-8601 leap seconds', () => {
  it('parses 2016-12-31T23:59:60.5Z as the leap second (TAI 2017-01-01T00:00:36.5) and formats it back', () => {
    const leap = utc('2016-12-31T23:59:60.5Z');
    const tai = unwrap(utcToTai(leap));
    expect(daysBetween(julianDateFromCalendar(2017, 1, 1, 0, 0, 36.5), tai.jd) * 86_400).toBeCloseTo(0, 6);
    expect(formatIsoUtc(leap, 3)).toBe('2016-12-31T23:59:60.500Z');
    expect(formatIsoUtc(unwrap(taiToUtc(tai)), 1)).toBe('2016-12-31T23:59:60.5Z');
    // One second later in TAI is the next day's 00:00:00.5 UTC.
    const next = unwrap(taiToUtc({ scale: 'TAI', jd: addSeconds(tai.jd, 1) }));
    expect(formatIsoUtc(next, 1)).toBe('2017-01-01T00:00:00.5Z');
  });

  it('rejects second 60 anywhere but 23:59', () => {
    const r = parseIsoUtc('2016-12-31T12:00:60Z');
    expect(r.ok ? 'ok' : r.code).toBe('INVALID_ISO_8601');
  });
});
