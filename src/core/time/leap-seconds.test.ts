import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { julianDateFromCalendar } from './julian-date.js';
import {
  BUILT_IN_LEAP_SECOND_TABLE,
  createLeapSecondTable,
  isLeapSecondTableValidAt,
  leapSecondsAtEndOfUtcDay,
  taiMinusUtcSeconds,
} from './leap-seconds.js';

// IERS leap-seconds.list (public domain), as shipped by tzdata 2025b: see test/fixtures/time/ORIGIN.md.
const LIST = readFileSync(new URL('../../../test/fixtures/time/leap-seconds.list', import.meta.url), 'utf8');
const NTP_EPOCH_JD = 2_415_020.5; // 1900-01-01T00:00:00

function parseIersList(text: string): { steps: Array<{ jd: number; seconds: number }>; expiresJd: number } {
  const steps: Array<{ jd: number; seconds: number }> = [];
  let expiresJd = Number.NaN;
  for (const line of text.split('\n')) {
    const expiry = /^#@\s+(\d+)/.exec(line);
    if (expiry) expiresJd = NTP_EPOCH_JD + Number(expiry[1]) / 86_400;
    const step = /^(\d+)\s+(\d+)/.exec(line);
    if (step) steps.push({ jd: NTP_EPOCH_JD + Number(step[1]) / 86_400, seconds: Number(step[2]) });
  }
  return { steps, expiresJd };
}

describe('TAI−UTC table', () => {
  const iers = parseIersList(LIST);

  it('matches every step of the IERS leap-seconds.list', () => {
    expect(iers.steps).toHaveLength(28);
    expect(BUILT_IN_LEAP_SECOND_TABLE.entries).toHaveLength(iers.steps.length);
    iers.steps.forEach((step, i) => {
      const entry = BUILT_IN_LEAP_SECOND_TABLE.entries[i];
      expect(entry?.taiMinusUtcSeconds).toBe(step.seconds);
      expect((entry?.startUtc.whole ?? 0) + (entry?.startUtc.fraction ?? 0)).toBe(step.jd);
    });
  });

  it('is valid until the expiry date of that list (2026-06-28)', () => {
    const valid = BUILT_IN_LEAP_SECOND_TABLE.validUntilUtc;
    expect(valid.whole + valid.fraction).toBe(iers.expiresJd);
    expect(isLeapSecondTableValidAt(julianDateFromCalendar(2026, 6, 27))).toBe(true);
    expect(isLeapSecondTableValidAt(julianDateFromCalendar(2026, 6, 29))).toBe(false);
  });

  it('gives the published offsets at step boundaries', () => {
    const at = (y: number, m: number, d: number, s = 0) =>
      taiMinusUtcSeconds(julianDateFromCalendar(y, m, d, 0, 0, s));
    expect(at(1972, 1, 1)).toEqual({ ok: true, value: 10 });
    expect(at(2016, 12, 31, 86_399.999)).toEqual({ ok: true, value: 36 });
    expect(at(2017, 1, 1)).toEqual({ ok: true, value: 37 });
    expect(at(2023, 10, 10)).toEqual({ ok: true, value: 37 });
    expect(leapSecondsAtEndOfUtcDay(julianDateFromCalendar(2016, 12, 31).whole)).toBe(1);
    expect(leapSecondsAtEndOfUtcDay(julianDateFromCalendar(2016, 12, 30).whole)).toBe(0);
  });

  it('refuses dates before 1972 instead of returning a wrong offset', () => {
    const r = taiMinusUtcSeconds(julianDateFromCalendar(1971, 12, 31, 23, 59, 59));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('UTC_BEFORE_1972');
  });

  it('accepts a newer table and rejects a malformed one', () => {
    const extra = [
      ...BUILT_IN_LEAP_SECOND_TABLE.entries,
      { startUtc: julianDateFromCalendar(2030, 1, 1), taiMinusUtcSeconds: 38 },
    ];
    const newer = createLeapSecondTable(extra, julianDateFromCalendar(2031, 1, 1), 'hypothetical');
    expect(newer.ok).toBe(true);
    if (newer.ok)
      expect(taiMinusUtcSeconds(julianDateFromCalendar(2030, 6, 1), newer.value)).toEqual({
        ok: true,
        value: 38,
      });
    const unordered = createLeapSecondTable([...extra].reverse(), julianDateFromCalendar(2031, 1, 1), 'bad');
    expect(unordered.ok ? '' : unordered.code).toBe('INVALID_LEAP_SECOND_TABLE');
  });
});
