import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeJulianDate } from '../time/julian-date.js';
import { gmstIau82Rad } from './gmst-iau82.js';
import { equationOfEquinoxesRad, nutationIau80, nutationMatrixIau80 } from './nutation-iau80.js';
import { precessionMatrixIau76 } from './precession-iau76.js';

// Values computed by ERFA (the BSD copy of IAU SOFA), not by Concord: see test/fixtures/frames/ORIGIN.md.
interface ErfaCase {
  label: string;
  tt: [number, number];
  ut1: [number, number];
  dPsiRad: number;
  dEpsRad: number;
  meanObliquityRad: number;
  precessionMatrix: number[];
  nutationMatrix: number[];
  gmstRad: number;
  equationOfEquinoxesRad: number;
}
const FIXTURE = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/frames/erfa-iau1980.json', import.meta.url), 'utf8'),
) as { cases: ErfaCase[] };

const centuries = ([a, b]: [number, number]) => (a - 2_451_545 + b) / 36_525;
const MAS = Math.PI / (180 * 3600 * 1000);

describe('IAU-1976/1980/1982/1994 models against ERFA (SOFA)', () => {
  it('has the five cases', () => expect(FIXTURE.cases).toHaveLength(5));

  for (const c of FIXTURE.cases) {
    describe(c.label, () => {
      const t = centuries(c.tt);
      const n = nutationIau80(t);

      it('nutation Δψ, Δε (106 terms) within 0.01 mas, mean obliquity within 1e-6 mas', () => {
        expect(Math.abs(n.dPsiRad - c.dPsiRad)).toBeLessThan(0.01 * MAS);
        expect(Math.abs(n.dEpsRad - c.dEpsRad)).toBeLessThan(0.01 * MAS);
        expect(Math.abs(n.meanObliquityRad - c.meanObliquityRad)).toBeLessThan(1e-6 * MAS);
      });

      it('precession (IAU 1976) and nutation matrices within 1e-12', () => {
        const p = precessionMatrixIau76(t);
        const nm = nutationMatrixIau80(n);
        for (let i = 0; i < 9; i++) {
          expect(Math.abs((p[i] ?? 0) - (c.precessionMatrix[i] ?? Number.NaN))).toBeLessThan(1e-12);
          expect(Math.abs((nm[i] ?? 0) - (c.nutationMatrix[i] ?? Number.NaN))).toBeLessThan(1e-12);
        }
      });

      it('GMST (IAU 1982) within 1e-11 rad (0.07 mm at 7000 km), equation of the equinoxes within 0.01 mas', () => {
        const jdUt1 = normalizeJulianDate(c.ut1[0], c.ut1[1]);
        expect(Math.abs(gmstIau82Rad(jdUt1) - c.gmstRad)).toBeLessThan(1e-11);
        const diff = Math.abs(equationOfEquinoxesRad(n, c.tt[0] + c.tt[1]) - c.equationOfEquinoxesRad);
        if (c.tt[0] + c.tt[1] > 2_450_449.5) {
          expect(diff).toBeLessThan(0.01 * MAS);
        } else {
          // SOFA's eqeq94 always adds the kinematic terms; the IERS (and Vallado) apply them only from
          // 1997-02-27, so before that date the two differ by at most 0.00264″ + 0.000063″.
          expect(diff).toBeLessThan(2.703 * MAS);
          expect(diff).toBeGreaterThan(0);
        }
      });
    });
  }
});
