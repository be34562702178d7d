import type { JulianDate } from './time-scale.js';

export const SECONDS_PER_DAY = 86_400;
/** JD of 1970-01-01T00:00:00 on the same scale (used only for Unix-millisecond interop). */
export const JD_UNIX_EPOCH = 2_440_587.5;
/** JD of J2000.0 (2000-01-01T12:00:00 TT when on TT). */
export const JD_J2000 = 2_451_545.0;

/**
 * Normalise so that `whole` is a day boundary (ends in .5) and 0 <= fraction < 1.
 * Splitting this way keeps ~1e-11 day (≈1 µs) resolution even after many additions.
 */
export function normalizeJulianDate(whole: number, fraction: number): JulianDate {
  const shiftedWhole = whole - 0.5;
  const wholeInt = Math.floor(shiftedWhole);
  let frac = fraction + (shiftedWhole - wholeInt);
  const carry = Math.floor(frac);
  frac -= carry;
  return { whole: wholeInt + carry + 0.5, fraction: frac };
}

/** Days since 0h of day 0 of the proleptic Gregorian calendar: Fliegel & Van Flandern (1968) day number. */
function julianDayNumberAtMidnight(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jdn =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  return jdn - 0.5;
}

/** Gregorian calendar date and time of day (seconds may be fractional, and 60 during a leap second) to JD. */
export function julianDateFromCalendar(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): JulianDate {
  return normalizeJulianDate(
    julianDayNumberAtMidnight(year, month, day),
    (hour * 3600 + minute * 60 + second) / SECONDS_PER_DAY,
  );
}

/** Day-of-year form used by TLE epochs and CCSDS `YYYY-DDD`: day 1.0 is January 1 at 0h. */
export function julianDateFromDayOfYear(year: number, dayOfYear: number): JulianDate {
  const wholeDay = Math.floor(dayOfYear);
  return normalizeJulianDate(julianDayNumberAtMidnight(year, 1, 1) + (wholeDay - 1), dayOfYear - wholeDay);
}

/** `later - earlier` in days, computed part by part to keep precision. */
export function daysBetween(earlier: JulianDate, later: JulianDate): number {
  return later.whole - earlier.whole + (later.fraction - earlier.fraction);
}

export function addDays(jd: JulianDate, days: number): JulianDate {
  const wholeDays = Math.trunc(days);
  return normalizeJulianDate(jd.whole + wholeDays, jd.fraction + (days - wholeDays));
}

export function addSeconds(jd: JulianDate, seconds: number): JulianDate {
  return addDays(jd, seconds / SECONDS_PER_DAY);
}

export function compareJulianDates(a: JulianDate, b: JulianDate): number {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function julianDateValue(jd: JulianDate): number {
  return jd.whole + jd.fraction;
}

export interface CalendarDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** Seconds with fraction, 0 <= second < 60 (this conversion knows nothing of leap seconds). */
  readonly second: number;
}

/** JD to Gregorian calendar (inverse of Fliegel & Van Flandern). */
export function calendarFromJulianDate(jd: JulianDate): CalendarDateTime {
  const n = normalizeJulianDate(jd.whole, jd.fraction);
  const jdn = n.whole + 0.5;
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  const secondsOfDay = n.fraction * SECONDS_PER_DAY;
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay - hour * 3600) / 60);
  const second = secondsOfDay - hour * 3600 - minute * 60;
  return { year, month, day, hour, minute, second };
}
