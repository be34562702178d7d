import { describe, expect, it } from 'vitest';
import { decodeAlpha5, encodeAlpha5 } from './alpha5.js';

// Values from the Space Force / Space-Track Alpha-5 definition: A0000 = 100000, Z9999 = 339999, no I and O.
const PUBLISHED: readonly (readonly [string, number])[] = [
  ['00005', 5],
  ['25544', 25544],
  ['99999', 99999],
  ['A0000', 100000],
  ['A0001', 100001],
  ['H9999', 179999],
  ['J0000', 180000],
  ['N9999', 229999],
  ['P0000', 230000],
  ['T0001', 270001],
  ['Z9999', 339999],
];

describe('Alpha-5 catalog numbers', () => {
  it('decodes and encodes the published anchor values', () => {
    for (const [text, value] of PUBLISHED) {
      expect(decodeAlpha5(text)).toEqual({ ok: true, value });
      expect(encodeAlpha5(value)).toEqual({ ok: true, value: text });
    }
  });

  it('accepts old blank-padded numeric ids', () => {
    expect(decodeAlpha5(' 4567')).toEqual({ ok: true, value: 4567 });
  });

  it('rejects I, O, lower case, embedded letters and empty text (never 0)', () => {
    for (const bad of ['I0000', 'O1234', 'a0001', '12A45', '', '     ', 'AB123', 'A00001']) {
      const r = decodeAlpha5(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('TLE_BAD_CATALOG_NUMBER');
    }
  });

  it('refuses to encode ids beyond Z9999 or negative', () => {
    for (const bad of [340000, -1, 1.5]) {
      const r = encodeAlpha5(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('TLE_ID_OUT_OF_RANGE');
    }
  });

  it('is a bijection on 0..339999', () => {
    for (let n = 0; n <= 339_999; n += 97) {
      const text = encodeAlpha5(n);
      expect(text.ok).toBe(true);
      if (text.ok) expect(decodeAlpha5(text.value)).toEqual({ ok: true, value: n });
    }
  });
});
