import { err, ok, type Result } from '../result.js';
import { julianDateFromCalendar } from './julian-date.js';
import type { JulianDate } from './time-scale.js';

/** One step of TAI−UTC: from `startUtc` (0h UTC of that day) on, TAI − UTC = `taiMinusUtcSeconds`. */
export interface LeapSecondEntry {
  readonly startUtc: JulianDate;
  readonly taiMinusUtcSeconds: number;
}

/**
 * A TAI−UTC table. `validUntilUtc` is the date up to which the publisher guarantees that no further leap second
 * occurs (the expiry of the IERS list). After it the last value is still used (the best prediction) but callers
 * can test `isLeapSecondTableValidAt` and label results.
 */
export interface LeapSecondTable {
  readonly entries: readonly LeapSecondEntry[];
  readonly validUntilUtc: JulianDate;
  /** Where the table comes from, for provenance in outputs. */
  readonly source: string;
}

export type LeapSecondCode = 'UTC_BEFORE_1972' | 'INVALID_LEAP_SECOND_TABLE';

const STEPS: ReadonlyArray<readonly [number, number, number, number]> = [
  [1972, 1, 1, 10],
  [1972, 7, 1, 11],
  [1973, 1, 1, 12],
  [1974, 1, 1, 13],
  [1975, 1, 1, 14],
  [1976, 1, 1, 15],
  [1977, 1, 1, 16],
  [1978, 1, 1, 17],
  [1979, 1, 1, 18],
  [1980, 1, 1, 19],
  [1981, 7, 1, 20],
  [1982, 7, 1, 21],
  [1983, 7, 1, 22],
  [1985, 7, 1, 23],
  [1988, 1, 1, 24],
  [1990, 1, 1, 25],
  [1991, 1, 1, 26],
  [1992, 7, 1, 27],
  [1993, 7, 1, 28],
  [1994, 7, 1, 29],
  [1996, 1, 1, 30],
  [1997, 7, 1, 31],
  [1999, 1, 1, 32],
  [2006, 1, 1, 33],
  [2009, 1, 1, 34],
  [2012, 7, 1, 35],
  [2015, 7, 1, 36],
  [2017, 1, 1, 37],
];

/**
 * Built-in table: IERS TAI−UTC from 1972-01-01 (10 s) to 2017-01-01 (37 s), as in the IERS `leap-seconds.list`
 * updated through IERS Bulletin C 70 (July 2025), which announces no leap second up to its expiry, 2026-06-28.
 * Supply a newer table with `createLeapSecondTable` when a later Bulletin C adds a step or extends the validity.
 *
 * Before 1972 UTC ran at a different rate from TAI (the 1961–1971 rubber-second formula); Concord does not model it
 * and reports `UTC_BEFORE_1972` instead of returning a wrong offset.
 */
export const BUILT_IN_LEAP_SECOND_TABLE: LeapSecondTable = {
  entries: STEPS.map(([year, month, day, seconds]) => ({
    startUtc: julianDateFromCalendar(year, month, day),
    taiMinusUtcSeconds: seconds,
  })),
  validUntilUtc: julianDateFromCalendar(2026, 6, 28),
  source: 'IERS leap-seconds.list through Bulletin C 70 (expires 2026-06-28)',
};

function jdValue(jd: JulianDate): number {
  return jd.whole + jd.fraction;
}

/**
 * Build a table from (start date, TAI−UTC) steps, e.g. parsed from a newer IERS `leap-seconds.list`.
 * Steps must be day boundaries in increasing order, and the first must be 1972-01-01 or later.
 */
export function createLeapSecondTable(
  entries: readonly LeapSecondEntry[],
  validUntilUtc: JulianDate,
  source: string,
): Result<LeapSecondTable, LeapSecondCode> {
  if (entries.length === 0) return err('INVALID_LEAP_SECOND_TABLE', 'leap-second table has no entries');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e === undefined) continue;
    if (Math.abs(e.startUtc.fraction) > 1e-12 || !Number.isInteger(e.startUtc.whole - 0.5)) {
      return err('INVALID_LEAP_SECOND_TABLE', `entry ${i + 1}: start is not 0h UTC`);
    }
    const previous = entries[i - 1];
    if (previous !== undefined && jdValue(previous.startUtc) >= jdValue(e.startUtc)) {
      return err('INVALID_LEAP_SECOND_TABLE', `entry ${i + 1}: dates are not increasing`);
    }
  }
  return ok({ entries: [...entries], validUntilUtc, source });
}

/**
 * Index of the table entry in force on the UTC day that starts at `dayStartUtc` (or -1 before the table).
 * Leap seconds only happen at the end of a UTC day, so the offset is constant over a UTC day.
 */
function entryIndexForUtcDay(table: LeapSecondTable, utcDayValue: number): number {
  const entries = table.entries;
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (e !== undefined && jdValue(e.startUtc) <= utcDayValue + 1e-9) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** TAI − UTC in seconds on the UTC day whose 0h is `dayStartUtc` (a JD ending in .5). */
export function taiMinusUtcOnDay(
  dayStartUtc: number,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<number, LeapSecondCode> {
  const i = entryIndexForUtcDay(table, dayStartUtc);
  const e = table.entries[i];
  if (i < 0 || e === undefined) {
    return err(
      'UTC_BEFORE_1972',
      'TAI−UTC before 1972-01-01 is not modelled (UTC then used rubber seconds); use TT or TAI epochs instead',
    );
  }
  return ok(e.taiMinusUtcSeconds);
}

/** TAI − UTC in seconds at a UTC instant (see `utcDayOf` for the leap-second representation). */
export function taiMinusUtcSeconds(
  utcJd: JulianDate,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): Result<number, LeapSecondCode> {
  return taiMinusUtcOnDay(utcDayOf(utcJd).dayStart, table);
}

/**
 * Number of seconds the UTC day starting at `dayStartUtc` has beyond 86 400 (1 on a day that ends with a positive
 * leap second, 0 otherwise).
 */
export function leapSecondsAtEndOfUtcDay(
  dayStartUtc: number,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): number {
  const today = entryIndexForUtcDay(table, dayStartUtc);
  const tomorrow = entryIndexForUtcDay(table, dayStartUtc + 1);
  if (tomorrow === today) return 0;
  const a = table.entries[today]?.taiMinusUtcSeconds ?? 0;
  const b = table.entries[tomorrow]?.taiMinusUtcSeconds ?? 0;
  return today < 0 ? 0 : b - a;
}

/**
 * Split a UTC Julian date into its UTC day (0h, JD ending in .5) and seconds elapsed in that day.
 * Convention (shared with `taiToUtc`): during a leap second, `fraction` is >= 1 (seconds of day 86 400..86 401)
 * and `whole` stays on the day being lengthened. Any other out-of-range fraction is normalised first.
 */
export function utcDayOf(utcJd: JulianDate): { readonly dayStart: number; readonly secondsOfDay: number } {
  const shifted = utcJd.whole - 0.5;
  const isDayBoundary = Number.isInteger(shifted);
  if (isDayBoundary && utcJd.fraction >= 1 && utcJd.fraction < 1 + 2 / 86_400) {
    return { dayStart: utcJd.whole, secondsOfDay: utcJd.fraction * 86_400 };
  }
  const total = shifted + utcJd.fraction;
  const day = Math.floor(total);
  // Remainder computed part by part to keep sub-microsecond precision.
  const secondsOfDay = (shifted - day + utcJd.fraction) * 86_400;
  return { dayStart: day + 0.5, secondsOfDay };
}

/** True if `utcJd` is on or before the date up to which the table is guaranteed. */
export function isLeapSecondTableValidAt(
  utcJd: JulianDate,
  table: LeapSecondTable = BUILT_IN_LEAP_SECOND_TABLE,
): boolean {
  return jdValue(utcJd) <= jdValue(table.validUntilUtc);
}
