import { describe, expect, it } from 'vitest';
import { erf, erfc, erfcInverse, erfDifference, normalQuantile } from './special-functions.js';

// Reference values: C99 libm erfc (glibc, correctly rounded to ~1 ulp) as printed by Python's math.erfc.
const ERFC_REFERENCE: [number, number][] = [
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [3, 2.2090496998585438e-5],
  [5, 1.5374597944280351e-12],
  [10, 2.088487583762545e-45],
  [20, 5.3958656116079005e-176],
  [26, 5.663192408856143e-296],
];

describe('erfc (Cody 1969)', () => {
  it.each(ERFC_REFERENCE)('erfc(%d) matches libm to 1e-14 relative', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-14);
  });
  it('is symmetric: erfc(-x) = 2 - erfc(x) and erf(-x) = -erf(x)', () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
    expect(erf(-0.3)).toBe(-erf(0.3));
  });
  it('erfDifference keeps tail differences without cancellation', () => {
    // erf(21) - erf(20) = erfc(20) - erfc(21): the naive difference of erf values is 0.
    const d = erfDifference(21, 20);
    expect(d).toBeGreaterThan(0);
    expect(Math.abs(d - 5.3958656116079005e-176) / 5.3958656116079005e-176).toBeLessThan(1e-12);
  });
  it('inverts erfc and gives the standard normal 97.5 % quantile 1.959963984540054', () => {
    expect(erfc(erfcInverse(1e-16))).toBeCloseTo(1e-16, 28);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
});
