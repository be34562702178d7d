import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pcChan } from './pc-chan.js';
import { pcCircle } from './pc-foster.js';

/**
 * Orekit's 77 encounter-plane test vectors (xm, ym, sigmaX, sigmaY, radius -> Pc, tolerance), extracted from
 * Orekit's Alfano2005/Patera2005/Laas2015/Chan1997 unit tests. Foster (exact integral) is checked against the
 * exact methods (Laas 2015, Patera 2005, Alfano 2005 series where it converges); Chan against Orekit's Chan1997.
 */
interface Vector {
  method: string;
  test: string;
  xm: number;
  ym: number;
  sx: number;
  sy: number;
  r: number;
  expected: number;
  tolerance: number;
  disabled: boolean;
}

const csv = readFileSync(
  new URL('../../../test/fixtures/pc/orekit_2d_pc_expected_values.csv', import.meta.url),
  'utf8',
);
const [, ...rows] = csv.trim().split('\n');
const vectors: Vector[] = rows.map((line) => {
  const c = line.split(',');
  return {
    method: c[0] ?? '',
    test: c[1] ?? '',
    xm: Number(c[3]),
    ym: Number(c[4]),
    sx: Number(c[5]),
    sy: Number(c[6]),
    r: Number(c[7]),
    expected: Number(c[8]),
    tolerance: Number(c[9]),
    disabled: c[10] === 'True',
  };
});

/**
 * Values where an Orekit method is itself an approximation that Orekit's test pins to its own output, so an
 * exact integral cannot match it within the stated tolerance (the exact methods disagree with it):
 *  - Alfano2005 CdmTestCase2: Alfano's series gives 2.1652e-20; Laas2015 (exact) 2.2796e-20, Patera 2.2795e-20.
 *  - AlfanoTestCase5 (sigmaX 0.037 m against R = 10 m): Alfano2005 4.4510e-2, Patera2005 4.4509e-2, Laas2015
 *    4.4507e-2, each with tolerance 1e-6, so they cannot all hold; a 30-digit mpmath quadrature of the same
 *    integral gives 4.45098595e-2, within tolerance of Alfano2005 only. Laas2015's and Patera2005's values are
 *    checked against the other methods' spread instead.
 * For these the assertion is: within the tolerance of at least one other Orekit method's value for the case.
 */
const APPROXIMATE = new Set([
  'Alfano2005/CdmTestCase2',
  'Patera2005/AlfanoTestCase5',
  'Laas2015/AlfanoTestCase5',
]);

describe('Orekit 2-D Pc vectors', () => {
  it('holds 77 vectors, none disabled by Orekit', () => {
    expect(vectors).toHaveLength(77);
    expect(vectors.filter((v) => v.disabled)).toHaveLength(0);
  });

  const exact = vectors.filter((v) => v.method !== 'Chan1997');
  it.each(exact.map((v) => [`${v.method}/${v.test}`, v] as const))('foster matches %s', (key, v) => {
    const pc = pcCircle(v.xm, v.ym, v.sx, v.sy, v.r);
    if (APPROXIMATE.has(key)) {
      const others = exact.filter((o) => o.test === v.test && o.method !== v.method);
      const matched = others.filter((o) => Math.abs(pc - o.expected) <= o.tolerance);
      expect(matched.length).toBeGreaterThan(0);
      return;
    }
    expect(Math.abs(pc - v.expected)).toBeLessThanOrEqual(v.tolerance);
  });

  const chan = vectors.filter((v) => v.method === 'Chan1997');
  it.each(chan.map((v) => [v.test, v] as const))('chan matches Chan1997/%s', (_key, v) => {
    const pc = pcChan(v.xm, v.ym, v.sx, v.sy, v.r);
    expect(Math.abs(pc - v.expected)).toBeLessThanOrEqual(v.tolerance);
  });
});
