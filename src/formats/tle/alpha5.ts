import { err, ok, type Result } from '../../core/result.js';

/**
 * Alpha-5 catalog numbers (Space Force, 2020): a 5-column TLE id field holds 0..99999 as digits and
 * 100000..339999 as a letter plus four digits, `A0000` = 100000 ... `Z9999` = 339999. The letters I and O are
 * skipped (they look like 1 and 0): A=10 ... H=17, J=18 ... N=22, P=23 ... Z=33.
 * Analyst ids written `T0001` (used for analyst objects before Alpha-5 existed) decode by the same rule (270001).
 */
export const ALPHA5_MAX_CATALOG_NUMBER = 339_999;

export type Alpha5Code = 'TLE_BAD_CATALOG_NUMBER' | 'TLE_ID_OUT_OF_RANGE';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Letter value (10..33) by char code of an upper-case letter; -1 for I, O and anything else. */
const LETTER_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < LETTERS.length; i++) table[LETTERS.charCodeAt(i)] = 10 + i;
  return table;
})();

/**
 * Decode the catalog-number columns (cols 3-7) of a TLE line. Leading blanks are allowed before a purely
 * numeric id (old-style ` 4567`); a letter is allowed only in the first column. Returns -1 if undecodable
 * (the caller reports `TLE_BAD_CATALOG_NUMBER`; an undecodable id never becomes 0).
 */
export function decodeAlpha5Columns(text: string): number {
  const n = text.length;
  if (n === 0) return -1;
  let i = 0;
  let value = 0;
  const first = text.charCodeAt(0);
  if (first >= 65 && first <= 90) {
    const letter = LETTER_VALUE[first] ?? -1;
    if (letter < 0 || n !== 5) return -1;
    value = letter;
    i = 1;
  } else {
    while (i < n && text.charCodeAt(i) === 32) i++;
  }
  if (i === n) return -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** Decode a catalog id such as `25544`, `A0001` or `T0001`; surrounding blanks are ignored. */
export function decodeAlpha5(text: string): Result<number, 'TLE_BAD_CATALOG_NUMBER'> {
  const trimmed = text.trim();
  const value = trimmed.length <= 5 ? decodeAlpha5Columns(trimmed) : -1;
  if (value < 0) {
    return err(
      'TLE_BAD_CATALOG_NUMBER',
      `'${text}' is not a TLE catalog number (5 digits, or Alpha-5: a letter A-Z except I and O, then 4 digits)`,
    );
  }
  return ok(value);
}

/** Encode 0..339999 as the 5 TLE columns: zero-padded digits below 100000, Alpha-5 above. */
export function encodeAlpha5(catalogNumber: number): Result<string, 'TLE_ID_OUT_OF_RANGE'> {
  if (!Number.isInteger(catalogNumber) || catalogNumber < 0 || catalogNumber > ALPHA5_MAX_CATALOG_NUMBER) {
    return err(
      'TLE_ID_OUT_OF_RANGE',
      `catalog number ${catalogNumber} cannot be written in a TLE (0..${ALPHA5_MAX_CATALOG_NUMBER} only; use OMM)`,
    );
  }
  if (catalogNumber < 100_000) return ok(String(catalogNumber).padStart(5, '0'));
  const letterIndex = Math.floor(catalogNumber / 10_000) - 10;
  const letter = LETTERS.charAt(letterIndex);
  return ok(`${letter}${String(catalogNumber % 10_000).padStart(4, '0')}`);
}
