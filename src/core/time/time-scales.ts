import { ok, type Result } from '../result.js';
import {
  calendarFromJulianDate,
  JD_J2000,
  julianDateFromCalendar,
  normalizeJulianDate,
  SECONDS_PER_DAY,
} from './julian-date.js';
import {
  BUILT_IN_LEAP_SECOND_TABLE,
  type LeapSecondCode,
  type LeapSecondTable,
  taiMinusUtcOnDay,
  utcDayOf,
} from './leap-seconds.js';
import type { JulianDate, TaiInstant, TtInstant, UtcInstant } from './time-scale.js';

/** TT − TAI in seconds (exact, by definition of TT). */
export const TT_MINUS_TAI_SECONDS = 32.184;
/** Days per Julian century. */
export const DAYS_PER_JULIAN_CENTURY = 36_525;

/*
 * UTC instants and leap seconds. A UTC Julian date here is `whole` = 0h UTC of the day (JD ending in .5) and
 * `fraction` = seconds elapsed in that UTC day / 86 400. During a positive leap second (23:59:60.xxx) the
 * fraction is 1 + xxx/86 400: the instant stays on the lengthened day. A normalised date (fraction < 1) never
 * denotes a leap second. This keeps ordinary UTC JDs identical to the naive calendar JD everywhere else.
 */

function addSecondsToJd(jd: JulianDate, seconds: number): JulianDate {
  return normalizeJulianDate(jd.whole, jd.fraction + seconds / SECONDS_PER_DAY);
}

/** UTC → TAI. Errors only before 1972 (see `taiMinusUtcOnDay`). */
export function utcToTai(
  utc: UtcInstant,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<TaiInstant, LeapSecondCode> {
  const { dayStart, secondsOfDay } = utcDayOf(utc.jd);
  const offset = taiMinusUtcOnDay(dayStart, table);
  if (!offset.ok) return offset;
  return ok({
    scale: 'TAI',
    jd: normalizeJulianDate(dayStart, (secondsOfDay + offset.value) / SECONDS_PER_DAY),
  });
}

/**
 * TAI → UTC. Inside a leap second the result has `fraction >= 1` on the day that ends with it (see above), so
 * a TAI → UTC → TAI round trip is exact across 23:59:60.
 */
export function taiToUtc(
  tai: TaiInstant,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<UtcInstant, LeapSecondCode> {
  // The UTC day is at most ~37 s earlier than the TAI day: try the TAI day's date and the day before.
  const taiDay = utcDayOf(tai.jd);
  for (const dayStart of [taiDay.dayStart, taiDay.dayStart - 1]) {
    const offset = taiMinusUtcOnDay(dayStart, table);
    if (!offset.ok) {
      if (dayStart === taiDay.dayStart) continue;
      return offset;
    }
    const secondsOfDay = (taiDay.dayStart - dayStart) * SECONDS_PER_DAY + taiDay.secondsOfDay - offset.value;
    if (secondsOfDay < 0) continue;
    const nextDayOffset = taiMinusUtcOnDay(dayStart + 1, table);
    const dayLength = SECONDS_PER_DAY + (nextDayOffset.ok ? nextDayOffset.value - offset.value : 0);
    if (secondsOfDay >= dayLength) continue;
    if (secondsOfDay >= SECONDS_PER_DAY) {
      // Inside the leap second: keep it on this day (fraction >= 1) rather than on the next day's 0h.
      return ok({ scale: 'UTC', jd: { whole: dayStart, fraction: secondsOfDay / SECONDS_PER_DAY } });
    }
    return ok({ scale: 'UTC', jd: normalizeJulianDate(dayStart, secondsOfDay / SECONDS_PER_DAY) });
  }
  const offset = taiMinusUtcOnDay(taiDay.dayStart, table);
  if (!offset.ok) return offset;
  return ok({ scale: 'UTC', jd: addSecondsToJd(tai.jd, -offset.value) });
}

export function taiToTt(tai: TaiInstant): TtInstant {
  return { scale: 'TT', jd: addSecondsToJd(tai.jd, TT_MINUS_TAI_SECONDS) };
}

export function ttToTai(tt: TtInstant): TaiInstant {
  return { scale: 'TAI', jd: addSecondsToJd(tt.jd, -TT_MINUS_TAI_SECONDS) };
}

export function utcToTt(
  utc: UtcInstant,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<TtInstant, LeapSecondCode> {
  const tai = utcToTai(utc, table);
  return tai.ok ? ok(taiToTt(tai.value)) : tai;
}

export function ttToUtc(
  tt: TtInstant,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<UtcInstant, LeapSecondCode> {
  return taiToUtc(ttToTai(tt), table);
}

/** TT − UTC in seconds at a UTC instant (69.184 s from 2017-01-01). */
export function ttMinusUtcSeconds(
  utc: UtcInstant,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<number, LeapSecondCode> {
  const offset = taiMinusUtcOnDay(utcDayOf(utc.jd).dayStart, table);
  return offset.ok ? ok(offset.value + TT_MINUS_TAI_SECONDS) : offset;
}

/**
 * UT1 Julian date = UTC + ΔUT1 (seconds, from Earth orientation parameters; 0 when unknown, |ΔUT1| < 0.9 s).
 * UT1 is not one of the API time scales: it is only an angle argument for sidereal time, hence a bare JD.
 */
export function utcToUt1JulianDate(utc: UtcInstant, dut1Seconds = 0): JulianDate {
  const { dayStart, secondsOfDay } = utcDayOf(utc.jd);
  return normalizeJulianDate(dayStart, (secondsOfDay + dut1Seconds) / SECONDS_PER_DAY);
}

/** Julian centuries of TT since J2000.0 (2000-01-01T12:00:00 TT), the argument of the IAU-76/80 models. */
export function julianCenturiesTtSinceJ2000(tt: TtInstant): number {
  return (tt.jd.whole - JD_J2000 + tt.jd.fraction) / DAYS_PER_JULIAN_CENTURY;
}

/** Julian centuries of UT1 since J2000.0, the argument of GMST (IAU 1982). */
export function julianCenturiesSinceJ2000(jd: JulianDate): number {
  return (jd.whole - JD_J2000 + jd.fraction) / DAYS_PER_JULIAN_CENTURY;
}

/** Build a UTC instant from calendar fields; `second` may be 60.xxx during a leap second (kept on that day). */
export function utcInstantFromCalendar(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): UtcInstant {
  const dayStart = julianDateFromCalendar(year, month, day).whole;
  const secondsOfDay = hour * 3600 + minute * 60 + second;
  if (secondsOfDay >= SECONDS_PER_DAY && secondsOfDay < SECONDS_PER_DAY + 2) {
    return { scale: 'UTC', jd: { whole: dayStart, fraction: secondsOfDay / SECONDS_PER_DAY } };
  }
  return { scale: 'UTC', jd: normalizeJulianDate(dayStart, secondsOfDay / SECONDS_PER_DAY) };
}

/** Calendar fields of a UTC instant; `second` is 60.xxx inside a leap second. */
export function utcCalendarOf(utc: UtcInstant): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const { dayStart, secondsOfDay } = utcDayOf(utc.jd);
  const date = calendarFromJulianDate({ whole: dayStart, fraction: 0 });
  if (secondsOfDay >= SECONDS_PER_DAY) {
    return {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: 23,
      minute: 59,
      second: secondsOfDay - 86_340,
    };
  }
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay - hour * 3600) / 60);
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour,
    minute,
    second: secondsOfDay - hour * 3600 - minute * 60,
  };
}
