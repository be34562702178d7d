import { err, ok, type Result } from '../result.js';
import {
  calendarFromJulianDate,
  julianDateFromCalendar,
  julianDateFromDayOfYear,
  normalizeJulianDate,
  SECONDS_PER_DAY,
} from './julian-date.js';
import type { UtcInstant } from './time-scale.js';

// Calendar form YYYY-MM-DDThh:mm:ss(.fff...)(Z|+00:00)? and CCSDS day-of-year form YYYY-DDDThh:mm:ss(.fff)(Z)?.
// A date alone means 0h. No zone designator means UTC: Concord never interprets a time in local time.
const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]00:?00)?$/;
const DAY_OF_YEAR = /^(\d{4})-(\d{3})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z)?$/;

export type IsoParseCode = 'INVALID_ISO_8601';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parse an ISO-8601 UTC date-time (calendar or day-of-year form). Only `Z`, `+00:00` or no designator are
 * accepted: a non-zero offset is rejected rather than guessed. Fractional seconds keep full precision
 * (sub-microsecond) through the two-part Julian date.
 */
export function parseIsoUtc(text: string): Result<UtcInstant, IsoParseCode> {
  const s = text.trim();
  const bad = (why: string) =>
    err('INVALID_ISO_8601' as const, `'${text}' is not an ISO-8601 UTC time: ${why}`);
  let m = CALENDAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const hour = Number(m[4] ?? 0);
    const minute = Number(m[5] ?? 0);
    const second = Number(m[6] ?? 0);
    if (month < 1 || month > 12) return bad('month out of range');
    if (day < 1 || day > daysInMonth(year, month)) return bad('day out of range');
    if (hour > 23 || minute > 59 || second > 60) return bad('time of day out of range');
    if (second === 60) {
      if (hour !== 23 || minute !== 59) return bad('second 60 exists only at 23:59:60 (a leap second)');
      return ok(leapSecondInstant(julianDateFromCalendar(year, month, day).whole, m[7]));
    }
    const jd = julianDateFromCalendar(year, month, day, hour, minute, second);
    return ok({ scale: 'UTC', jd: addFraction(jd, m[7]) });
  }
  m = DAY_OF_YEAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    const dayOfYear = Number(m[2]);
    const hour = Number(m[3] ?? 0);
    const minute = Number(m[4] ?? 0);
    const second = Number(m[5] ?? 0);
    if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return bad('day of year out of range');
    if (hour > 23 || minute > 59 || second > 60) return bad('time of day out of range');
    if (second === 60) {
      if (hour !== 23 || minute !== 59) return bad('second 60 exists only at 23:59:60 (a leap second)');
      return ok(leapSecondInstant(julianDateFromDayOfYear(year, dayOfYear).whole, m[6]));
    }
    const jd = julianDateFromDayOfYear(
      year,
      dayOfYear + (hour * 3600 + minute * 60 + second) / SECONDS_PER_DAY,
    );
    return ok({ scale: 'UTC', jd: addFraction(jd, m[6]) });
  }
  if (/[+-]\d{2}:?\d{2}$/.test(s)) return bad('only UTC (Z) is accepted; convert the offset first');
  return bad('expected YYYY-MM-DDThh:mm:ss[.fff]Z or YYYY-DDDThh:mm:ss[.fff]Z');
}

/**
 * 23:59:60.xxx is kept on its own day with `fraction` = (86 400 + xxx) / 86 400 (>= 1), the leap-second
 * convention of `time-scales.ts`, so that UTC → TAI gives the right second instead of the next day's 00:00:00.
 */
function leapSecondInstant(dayStart: number, fractionText: string | undefined): UtcInstant {
  const extra = fractionText ? Number(fractionText) : 0;
  return { scale: 'UTC', jd: { whole: dayStart, fraction: (SECONDS_PER_DAY + extra) / SECONDS_PER_DAY } };
}

function addFraction(jd: { whole: number; fraction: number }, fractionText: string | undefined) {
  if (!fractionText) return jd;
  return normalizeJulianDate(jd.whole, jd.fraction + Number(fractionText) / SECONDS_PER_DAY);
}

/**
 * Format a UTC instant as ISO-8601 with `Z`, rounding to `fractionDigits` (0..9) of a second.
 * Rounding is done on integer units so 59.9999996 s never prints as 60.
 */
export function formatIsoUtc(instant: UtcInstant, fractionDigits = 6): string {
  const unitsPerSecond = 10 ** fractionDigits;
  const unitsPerDay = SECONDS_PER_DAY * unitsPerSecond;
  const leap = formatLeapSecond(instant, unitsPerSecond, fractionDigits);
  if (leap !== undefined) return leap;
  const n = normalizeJulianDate(instant.jd.whole, instant.jd.fraction);
  let units = Math.round(n.fraction * unitsPerDay);
  let whole = n.whole;
  if (units >= unitsPerDay) {
    units -= unitsPerDay;
    whole += 1;
  }
  const { year, month, day } = calendarFromJulianDate({ whole, fraction: 0 });
  const totalSeconds = Math.floor(units / unitsPerSecond);
  const sub = units - totalSeconds * unitsPerSecond;
  const hour = Math.floor(totalSeconds / 3600);
  const minute = Math.floor((totalSeconds % 3600) / 60);
  const second = totalSeconds % 60;
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  const frac = fractionDigits > 0 ? `.${String(sub).padStart(fractionDigits, '0')}` : '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${frac}Z`;
}

/** 23:59:60.xxx for an instant inside a leap second (fraction in [1, 1 + 1/86400) on a day boundary). */
function formatLeapSecond(
  instant: UtcInstant,
  unitsPerSecond: number,
  fractionDigits: number,
): string | undefined {
  const { whole, fraction } = instant.jd;
  if (!Number.isInteger(whole - 0.5) || fraction < 1 || fraction >= 1 + 1 / SECONDS_PER_DAY) return undefined;
  const units = Math.round((fraction * SECONDS_PER_DAY - SECONDS_PER_DAY) * unitsPerSecond);
  if (units >= unitsPerSecond) return undefined; // rounds up to the next day's 00:00:00
  const { year, month, day } = calendarFromJulianDate({ whole, fraction: 0 });
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  const frac = fractionDigits > 0 ? `.${String(units).padStart(fractionDigits, '0')}` : '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T23:59:60${frac}Z`;
}

/** Interop with JavaScript `Date` (millisecond precision, UTC). */
export function utcInstantFromUnixMs(unixMs: number): UtcInstant {
  // Split whole days off in integer milliseconds first: dividing the whole count would lose ~0.2 µs.
  const wholeDays = Math.floor(unixMs / 86_400_000);
  const remainderMs = unixMs - wholeDays * 86_400_000;
  return { scale: 'UTC', jd: normalizeJulianDate(2_440_587.5 + wholeDays, remainderMs / 86_400_000) };
}

export function unixMsFromUtcInstant(instant: UtcInstant): number {
  return (instant.jd.whole - 2_440_587.5 + instant.jd.fraction) * 86_400_000;
}
