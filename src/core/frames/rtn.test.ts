import { describe, expect, it } from 'vitest';
import { apply3, cross3, dot3, norm3, type Vec3 } from './matrix3.js';
import {
  covariance6FromLowerTriangle,
  covarianceInertialToRtn,
  covarianceRtnToInertial,
  fromRtn,
  lowerTriangleFromCovariance6,
  rotateCovariance6,
  rtnRotation,
  toRtn,
} from './rtn.js';

// ISS-like state (GCRF, km and km/s) from test/fixtures/iss-reference.
const R: Vec3 = [4777.98381156, -796.95880973, -4775.64106383];
const V: Vec3 = [-1.52010535, 6.99613176, -2.6928206];

describe('RTN frame', () => {
  it('is the identity for a prograde equatorial orbit at +x (R = x, T = y, N = z by definition)', () => {
    const m = rtnRotation([7000, 0, 0], [0, 7.5, 0.0]);
    expect([...m]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('R along r, N along r × v, T completes a right-handed orthonormal triad', () => {
    const m = rtnRotation(R, V);
    const rRtn = toRtn(m, R);
    expect(rRtn[0]).toBeCloseTo(norm3(R), 9);
    expect(Math.abs(rRtn[1]) + Math.abs(rRtn[2])).toBeLessThan(1e-9);
    const vRtn = toRtn(m, V);
    expect(vRtn[2]).toBeCloseTo(0, 12); // velocity lies in the orbit plane
    expect(vRtn[1]).toBeGreaterThan(0); // and moves forward along T
    const hRtn = toRtn(m, cross3(R, V));
    expect(hRtn[2]).toBeCloseTo(norm3(cross3(R, V)), 6);
    const row = (i: number): Vec3 => [m[3 * i] ?? 0, m[3 * i + 1] ?? 0, m[3 * i + 2] ?? 0];
    expect(dot3(row(0), row(1))).toBeCloseTo(0, 14);
    expect(dot3(cross3(row(0), row(1)), row(2))).toBeCloseTo(1, 14);
    const back = fromRtn(m, toRtn(m, [1, 2, 3]));
    expect(back[0]).toBeCloseTo(1, 12);
    expect(back[2]).toBeCloseTo(3, 12);
  });

  it('covariance: RTN → inertial → RTN round trip, trace preserved, and a pure radial variance maps to r̂ r̂ᵀ', () => {
    // A CDM-like RTN covariance (m², m²/s, m²/s²) in CDM lower-triangle order.
    const lower = [
      100, 5, 2500, -1, 3, 25, -0.004, -2.5, 0.001, 0.0028, 0.0001, 0.09, -0.001, 0.00001, 0.000004, 0.00002,
      -0.0003, 0.0001, -0.000001, 0.0000001, 0.00003,
    ];
    const cov = covariance6FromLowerTriangle(lower);
    expect(lowerTriangleFromCovariance6(cov)).toEqual(lower);
    const inertial = covarianceRtnToInertial(cov, R, V);
    const again = covarianceInertialToRtn(inertial, R, V);
    for (let i = 0; i < 36; i++) expect(again[i] ?? 0).toBeCloseTo(cov[i] ?? 0, 9);
    const trace = (c: Float64Array) => [0, 7, 14, 21, 28, 35].reduce((s, i) => s + (c[i] ?? 0), 0);
    expect(trace(inertial)).toBeCloseTo(trace(cov), 9);
    // Only C_RR = 1: the inertial position block must be r̂ r̂ᵀ.
    const radialOnly = new Float64Array(36);
    radialOnly[0] = 1;
    const c = covarianceRtnToInertial(radialOnly, R, V);
    const rHat = R.map((x) => x / norm3(R));
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(c[6 * i + j] ?? 0).toBeCloseTo((rHat[i] ?? 0) * (rHat[j] ?? 0), 14);
  });

  it('rotateCovariance6 accepts a full 6×6 transform and equals the block form for diag(M, M)', () => {
    const m = rtnRotation(R, V);
    const cov = covariance6FromLowerTriangle(
      Array.from({ length: 21 }, (_, k) => (k % 7 === 0 ? 10 + k : 0.1 * k)),
    );
    const full = new Float64Array(36);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        full[6 * i + j] = m[3 * i + j] ?? 0;
        full[6 * (i + 3) + j + 3] = m[3 * i + j] ?? 0;
      }
    }
    const a = rotateCovariance6(cov, m);
    const b = rotateCovariance6(cov, full);
    for (let i = 0; i < 36; i++) expect(a[i] ?? 0).toBeCloseTo(b[i] ?? 0, 12);
    expect(() => rotateCovariance6(new Float64Array(35), m)).toThrow(RangeError);
    expect(apply3(m, R)[0]).toBeCloseTo(norm3(R), 9);
  });
});
