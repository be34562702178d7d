import { err, ok, type Result } from '../result.js';
import { calendarFromJulianDate, daysBetween, julianDateFromDayOfYear } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';

/**
 * Fixed-column text of the numeric TLE fields (NORAD Spacetrack Report #3 layout, as Space-Track writes it).
 * Kept in the core because SGP4 is initialised from TLE text (see `sgp4-model.ts`); the TLE writer in
 * `src/formats/tle` uses the same functions, so what we write is exactly what SGP4 reads.
 * Every function returns `TLE_FIELD_OUT_OF_RANGE` when the value cannot be written in the field's columns.
 */
export type TleFieldCode = 'TLE_FIELD_OUT_OF_RANGE';

function outOfRange(field: string, value: number, why: string): Result<never, TleFieldCode> {
  return err('TLE_FIELD_OUT_OF_RANGE', `${field} = ${value} cannot be written in a TLE: ${why}`);
}

/** Modulo-10 checksum of columns 1-68: digits count their value, each minus sign counts 1, all else 0. */
export function tleChecksum(line: string): number {
  let sum = 0;
  const end = Math.min(68, line.length);
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/**
 * Implied-decimal, power-of-ten field of 8 columns (MEAN_MOTION_DDOT cols 45-52, BSTAR cols 54-61):
 * `[sign][5 mantissa digits][exponent sign][exponent digit]`, value = ±0.ddddd × 10^±e, e.g. ` 37082-3`.
 * `positiveSign` is the character written for a non-negative value (` `, some sources write `+`);
 * `zeroExponentSign` the sign written when the exponent is 0 (`00000-0` for zero, `+0` otherwise by default).
 */
export function formatTleExponentField(
  field: string,
  value: number,
  positiveSign: ' ' | '+' = ' ',
  zeroExponentSign?: '+' | '-',
): Result<string, TleFieldCode> {
  if (!Number.isFinite(value)) return outOfRange(field, value, 'not a finite number');
  const sign = isNegative(value) ? '-' : positiveSign;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return ok(`${sign}00000${zeroExponentSign ?? '-'}0`);
  // toExponential is correctly rounded, so a value parsed from ` 37082-3` prints back as 3.7082e-4.
  const text = magnitude.toExponential(4);
  const ePos = text.indexOf('e');
  const mantissa = `${text.charAt(0)}${text.slice(2, ePos)}`;
  const exponent = Number(text.slice(ePos + 1)) + 1;
  if (exponent > 9) return outOfRange(field, value, 'magnitude ≥ 1e9');
  if (exponent < -9) return outOfRange(field, value, 'magnitude < 1e-10 (not zero)');
  const expSign = exponent < 0 ? '-' : exponent > 0 ? '+' : (zeroExponentSign ?? '+');
  return ok(`${sign}${mantissa}${expSign}${Math.abs(exponent)}`);
}

/** MEAN_MOTION_DOT (cols 34-43, rev/day²/2): `[sign].dddddddd`, |value| < 1. */
export function formatTleMeanMotionDot(
  value: number,
  positiveSign: ' ' | '+' = ' ',
): Result<string, TleFieldCode> {
  const field = 'MEAN_MOTION_DOT';
  if (!Number.isFinite(value)) return outOfRange(field, value, 'not a finite number');
  const digits = Math.abs(value).toFixed(8);
  if (!digits.startsWith('0.')) return outOfRange(field, value, '|value| must be < 1 rev/day²');
  return ok(`${isNegative(value) ? '-' : positiveSign}${digits.slice(1)}`);
}

/** A right-justified fixed-point field: angles (8 columns, 4 decimals) and mean motion (11 columns, 8). */
export function formatTleFixed(
  field: string,
  value: number,
  width: number,
  decimals: number,
  min: number,
  maxExclusive: number,
  pad: ' ' | '0' = ' ',
): Result<string, TleFieldCode> {
  if (!Number.isFinite(value)) return outOfRange(field, value, 'not a finite number');
  if (value < min || value >= maxExclusive) {
    return outOfRange(field, value, `must be in [${min}, ${maxExclusive})`);
  }
  const text = value.toFixed(decimals);
  if (text.length > width) return outOfRange(field, value, `does not fit ${width} columns`);
  return ok(text.padStart(width, pad));
}

export function formatTleAngle(
  field: string,
  valueDeg: number,
  pad: ' ' | '0' = ' ',
): Result<string, TleFieldCode> {
  return formatTleFixed(field, valueDeg, 8, 4, 0, 1000, pad);
}

export function formatTleMeanMotion(
  valueRevPerDay: number,
  pad: ' ' | '0' = ' ',
): Result<string, TleFieldCode> {
  return formatTleFixed('MEAN_MOTION', valueRevPerDay, 11, 8, 0, 100, pad);
}

/** ECCENTRICITY (line 2 cols 27-33): 7 digits with an implied leading decimal point. */
export function formatTleEccentricity(value: number): Result<string, TleFieldCode> {
  if (!Number.isFinite(value) || value < 0) return outOfRange('ECCENTRICITY', value, 'must be ≥ 0');
  const units = Math.round(value * 1e7);
  if (units >= 10_000_000) return outOfRange('ECCENTRICITY', value, 'must be < 0.99999995');
  return ok(String(units).padStart(7, '0'));
}

/** A right-justified non-negative integer field (element set number 4 columns, revolution number 5). */
export function formatTleInteger(
  field: string,
  value: number,
  width: number,
  pad: ' ' | '0' = ' ',
): Result<string, TleFieldCode> {
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** width) {
    return outOfRange(field, value, `must be an integer in [0, ${10 ** width})`);
  }
  return ok(String(value).padStart(width, pad));
}

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * EPOCH (line 1 cols 19-32): `YYDDD.DDDDDDDD`, two-digit year (57..99 → 19xx, 00..56 → 20xx), day of year
 * with 8 decimals (0.864 ms resolution). Rounding to the 8th decimal may carry into the next day or year.
 */
export function formatTleEpoch(epoch: UtcInstant): Result<string, TleFieldCode> {
  let year = calendarFromJulianDate(epoch.jd).year;
  let dayOfYear = 1 + daysBetween(julianDateFromDayOfYear(year, 1), epoch.jd);
  let text = dayOfYear.toFixed(8);
  if (Number(text) >= daysInYear(year) + 1) {
    dayOfYear -= daysInYear(year);
    year += 1;
    text = dayOfYear.toFixed(8);
  }
  if (year < 1957 || year > 2056) {
    return outOfRange('EPOCH', year, 'the two-digit TLE year covers 1957..2056 only');
  }
  return ok(`${String(year % 100).padStart(2, '0')}${text.padStart(12, '0')}`);
}
