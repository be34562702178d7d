import { describe, expect, it } from 'vitest';
import { orbitRegimeFromState, syntheticCovariance } from './synthetic-covariance.js';

describe('synthetic covariance', () => {
  it('classifies regimes from states (ISS-like LEO, GEO, GPS-like MEO, Molniya-like HEO)', () => {
    expect(orbitRegimeFromState(Float64Array.of(6778, 0, 0), Float64Array.of(0, 7.669, 0))).toBe('LEO');
    expect(orbitRegimeFromState(Float64Array.of(42164, 0, 0), Float64Array.of(0, 3.0747, 0))).toBe('GEO');
    expect(orbitRegimeFromState(Float64Array.of(26560, 0, 0), Float64Array.of(0, 3.874, 0))).toBe('MEO');
    // Molniya: perigee ~ 500 km, apogee ~ 39,700 km (a = 26,600 km, e = 0.74); state at perigee.
    const rp = 6878;
    const vp = Math.sqrt(398600.4418 * (2 / rp - 1 / 26600));
    expect(orbitRegimeFromState(Float64Array.of(rp, 0, 0), Float64Array.of(0, vp, 0))).toBe('HEO');
  });
  it('is flagged synthetic, grows with age, along-track fastest, and is symmetric positive definite', () => {
    const n = (2 * Math.PI) / 5554;
    const fresh = syntheticCovariance('LEO', 0.5, n);
    const old = syntheticCovariance('LEO', 5, n);
    expect(fresh.synthetic).toBe(true);
    expect(fresh.description).toContain('SYNTHETIC');
    for (let i = 0; i < 3; i++)
      expect(old.sigmaRtnM[i]).toBeGreaterThan(fresh.sigmaRtnM[i] ?? Number.POSITIVE_INFINITY);
    expect(old.sigmaRtnM[1]).toBeGreaterThan(old.sigmaRtnM[0]);
    for (let i = 0; i < 6; i++) expect(old.covarianceRtn[i * 6 + i]).toBeGreaterThan(0);
    // Negative age (element set newer than TCA) is as uncertain as the same positive age.
    expect(syntheticCovariance('GEO', -2, n).sigmaRtnM).toEqual(syntheticCovariance('GEO', 2, n).sigmaRtnM);
  });
});
