import { ARCSEC_TO_RAD, chain3, DEG_TO_RAD, type Matrix3, rot1, rot3 } from './matrix3.js';

/**
 * The 106-term IAU 1980 theory of nutation (Seidelmann 1982; Wahr 1981), in the order and layout of Vallado's
 * `nut80.dat` (Fundamentals of Astrodynamics and Applications, 2013, Appendix D): multipliers of the Delaunay
 * arguments (l = Moon mean anomaly, l′ = Sun mean anomaly, F = Moon argument of latitude, D = elongation of the
 * Moon from the Sun, Ω = Moon's ascending node), then A, B [0.0001″, 0.0001″/century] for Δψ = Σ (A + B·T) sin(arg)
 * and C, D [same units] for Δε = Σ (C + D·T) cos(arg).
 */
const IAU80_TERMS: ReadonlyArray<
  readonly [number, number, number, number, number, number, number, number, number]
> = [
  [0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9],
  [0, 0, 2, -2, 2, -13187, -1.6, 5736, -3.1],
  [0, 0, 2, 0, 2, -2274, -0.2, 977, -0.5],
  [0, 0, 0, 0, 2, 2062, 0.2, -895, 0.5],
  [0, -1, 0, 0, 0, -1426, 3.4, 54, -0.1],
  [1, 0, 0, 0, 0, 712, 0.1, -7, 0],
  [0, 1, 2, -2, 2, -517, 1.2, 224, -0.6],
  [0, 0, 2, 0, 1, -386, -0.4, 200, 0],
  [1, 0, 2, 0, 2, -301, 0, 129, -0.1],
  [0, -1, 2, -2, 2, 217, -0.5, -95, 0.3],
  [-1, 0, 0, 2, 0, 158, 0, -1, 0],
  [0, 0, 2, -2, 1, 129, 0.1, -70, 0],
  [-1, 0, 2, 0, 2, 123, 0, -53, 0],
  [1, 0, 0, 0, 1, 63, 0.1, -33, 0],
  [0, 0, 0, 2, 0, 63, 0, -2, 0],
  [-1, 0, 2, 2, 2, -59, 0, 26, 0],
  [-1, 0, 0, 0, 1, -58, -0.1, 32, 0],
  [1, 0, 2, 0, 1, -51, 0, 27, 0],
  [-2, 0, 0, 2, 0, -48, 0, 1, 0],
  [-2, 0, 2, 0, 1, 46, 0, -24, 0],
  [0, 0, 2, 2, 2, -38, 0, 16, 0],
  [2, 0, 2, 0, 2, -31, 0, 13, 0],
  [2, 0, 0, 0, 0, 29, 0, -1, 0],
  [1, 0, 2, -2, 2, 29, 0, -12, 0],
  [0, 0, 2, 0, 0, 26, 0, -1, 0],
  [0, 0, 2, -2, 0, -22, 0, 0, 0],
  [-1, 0, 2, 0, 1, 21, 0, -10, 0],
  [0, 2, 0, 0, 0, 17, -0.1, 0, 0],
  [0, 2, 2, -2, 2, -16, 0.1, 7, 0],
  [-1, 0, 0, 2, 1, 16, 0, -8, 0],
  [0, 1, 0, 0, 1, -15, 0, 9, 0],
  [1, 0, 0, -2, 1, -13, 0, 7, 0],
  [0, -1, 0, 0, 1, -12, 0, 6, 0],
  [2, 0, -2, 0, 0, 11, 0, 0, 0],
  [-1, 0, 2, 2, 1, -10, 0, 5, 0],
  [1, 0, 2, 2, 2, -8, 0, 3, 0],
  [0, -1, 2, 0, 2, -7, 0, 3, 0],
  [0, 0, 2, 2, 1, -7, 0, 3, 0],
  [1, 1, 0, -2, 0, -7, 0, 0, 0],
  [0, 1, 2, 0, 2, 7, 0, -3, 0],
  [-2, 0, 0, 2, 1, -6, 0, 3, 0],
  [0, 0, 0, 2, 1, -6, 0, 3, 0],
  [2, 0, 2, -2, 2, 6, 0, -3, 0],
  [1, 0, 0, 2, 0, 6, 0, 0, 0],
  [1, 0, 2, -2, 1, 6, 0, -3, 0],
  [0, 0, 0, -2, 1, -5, 0, 3, 0],
  [0, -1, 2, -2, 1, -5, 0, 3, 0],
  [2, 0, 2, 0, 1, -5, 0, 3, 0],
  [1, -1, 0, 0, 0, 5, 0, 0, 0],
  [1, 0, 0, -1, 0, -4, 0, 0, 0],
  [0, 0, 0, 1, 0, -4, 0, 0, 0],
  [0, 1, 0, -2, 0, -4, 0, 0, 0],
  [1, 0, -2, 0, 0, 4, 0, 0, 0],
  [2, 0, 0, -2, 1, 4, 0, -2, 0],
  [0, 1, 2, -2, 1, 4, 0, -2, 0],
  [1, 1, 0, 0, 0, -3, 0, 0, 0],
  [1, -1, 0, -1, 0, -3, 0, 0, 0],
  [-1, -1, 2, 2, 2, -3, 0, 1, 0],
  [0, -1, 2, 2, 2, -3, 0, 1, 0],
  [1, -1, 2, 0, 2, -3, 0, 1, 0],
  [3, 0, 2, 0, 2, -3, 0, 1, 0],
  [-2, 0, 2, 0, 2, -3, 0, 1, 0],
  [1, 0, 2, 0, 0, 3, 0, 0, 0],
  [-1, 0, 2, 4, 2, -2, 0, 1, 0],
  [1, 0, 0, 0, 2, -2, 0, 1, 0],
  [-1, 0, 2, -2, 1, -2, 0, 1, 0],
  [0, -2, 2, -2, 1, -2, 0, 1, 0],
  [-2, 0, 0, 0, 1, -2, 0, 1, 0],
  [2, 0, 0, 0, 1, 2, 0, -1, 0],
  [3, 0, 0, 0, 0, 2, 0, 0, 0],
  [1, 1, 2, 0, 2, 2, 0, -1, 0],
  [0, 0, 2, 1, 2, 2, 0, -1, 0],
  [1, 0, 0, 2, 1, -1, 0, 0, 0],
  [1, 0, 2, 2, 1, -1, 0, 1, 0],
  [1, 1, 0, -2, 1, -1, 0, 0, 0],
  [0, 1, 0, 2, 0, -1, 0, 0, 0],
  [0, 1, 2, -2, 0, -1, 0, 0, 0],
  [0, 1, -2, 2, 0, -1, 0, 0, 0],
  [1, 0, -2, 2, 0, -1, 0, 0, 0],
  [1, 0, -2, -2, 0, -1, 0, 0, 0],
  [1, 0, 2, -2, 0, -1, 0, 0, 0],
  [1, 0, 0, -4, 0, -1, 0, 0, 0],
  [2, 0, 0, -4, 0, -1, 0, 0, 0],
  [0, 0, 2, 4, 2, -1, 0, 0, 0],
  [0, 0, 2, -1, 2, -1, 0, 0, 0],
  [-2, 0, 2, 4, 2, -1, 0, 1, 0],
  [2, 0, 2, 2, 2, -1, 0, 0, 0],
  [0, -1, 2, 0, 1, -1, 0, 0, 0],
  [0, 0, -2, 0, 1, -1, 0, 0, 0],
  [0, 0, 4, -2, 2, 1, 0, 0, 0],
  [0, 1, 0, 0, 2, 1, 0, 0, 0],
  [1, 1, 2, -2, 2, 1, 0, -1, 0],
  [3, 0, 2, -2, 2, 1, 0, 0, 0],
  [-2, 0, 2, 2, 2, 1, 0, -1, 0],
  [-1, 0, 0, 0, 2, 1, 0, -1, 0],
  [0, 0, -2, 2, 1, 1, 0, 0, 0],
  [0, 1, 2, 0, 1, 1, 0, 0, 0],
  [-1, 0, 4, 0, 2, 1, 0, 0, 0],
  [2, 1, 0, -2, 0, 1, 0, 0, 0],
  [2, 0, 0, 2, 0, 1, 0, 0, 0],
  [2, 0, 2, -2, 1, 1, 0, -1, 0],
  [2, 0, -2, 0, 1, 1, 0, 0, 0],
  [1, -1, 0, -2, 0, 1, 0, 0, 0],
  [-1, 0, 0, 1, 1, 1, 0, 0, 0],
  [-1, -1, 0, 2, 1, 1, 0, 0, 0],
  [0, 1, 0, 1, 0, 1, 0, 0, 0],
];

const TWO_PI = 2 * Math.PI;

/** Result of the IAU-1980 nutation for one instant. Angles in radians. */
export interface NutationIau80 {
  /** Nutation in longitude Δψ, including the dΔψ EOP correction. */
  readonly dPsiRad: number;
  /** Nutation in obliquity Δε, including the dΔε EOP correction. */
  readonly dEpsRad: number;
  /** Mean obliquity of the ecliptic ε̄ (IAU 1976). */
  readonly meanObliquityRad: number;
  /** True obliquity ε = ε̄ + Δε. */
  readonly trueObliquityRad: number;
  /** Mean longitude of the Moon's ascending node Ω (needed by the equation of the equinoxes). */
  readonly moonNodeRad: number;
}

/** Delaunay arguments (IAU 1980 series as in Vallado 2013 eq. 3-82), radians in [0, 2π). */
export function delaunayArgumentsIau80(tCenturiesTt: number): {
  moonAnomalyRad: number;
  sunAnomalyRad: number;
  moonLatitudeArgumentRad: number;
  elongationRad: number;
  moonNodeRad: number;
} {
  const t = tCenturiesTt;
  const deg = (c0: number, c1Arcsec: number, c2Arcsec: number, c3Arcsec: number): number => {
    const d = c0 + (((c3Arcsec * t + c2Arcsec) * t + c1Arcsec) * t) / 3600;
    const r = (d % 360) * DEG_TO_RAD;
    return r < 0 ? r + TWO_PI : r;
  };
  return {
    moonAnomalyRad: deg(134.96298139, 1_717_915_922.633, 31.31, 0.064),
    sunAnomalyRad: deg(357.52772333, 129_596_581.224, -0.577, -0.012),
    moonLatitudeArgumentRad: deg(93.27191028, 1_739_527_263.137, -13.257, 0.011),
    elongationRad: deg(297.85036306, 1_602_961_601.328, -6.891, 0.019),
    moonNodeRad: deg(125.04452222, -6_962_890.539, 7.455, 0.008),
  };
}

/** Mean obliquity of the ecliptic, IAU 1976: 84381.448″ − 46.8150″T − 0.00059″T² + 0.001813″T³. */
export function meanObliquityIau76Rad(tCenturiesTt: number): number {
  const t = tCenturiesTt;
  return (84_381.448 + ((0.001813 * t - 0.00059) * t - 46.815) * t) * ARCSEC_TO_RAD;
}

/**
 * IAU-1980 nutation at `tCenturiesTt` (Julian centuries of TT since J2000), all 106 terms, plus the IERS celestial
 * pole offsets dΔψ, dΔε (arcseconds, 0 by default) that turn the IAU-76/FK5 chain into GCRF.
 */
export function nutationIau80(tCenturiesTt: number, ddPsiArcsec = 0, ddEpsArcsec = 0): NutationIau80 {
  const t = tCenturiesTt;
  const a = delaunayArgumentsIau80(t);
  let dPsi = 0;
  let dEps = 0;
  // Smallest terms first: summing from small to large loses fewer digits.
  for (let i = IAU80_TERMS.length - 1; i >= 0; i--) {
    const term = IAU80_TERMS[i];
    if (term === undefined) continue;
    const [n1, n2, n3, n4, n5, ai, bi, ci, di] = term;
    const arg =
      n1 * a.moonAnomalyRad +
      n2 * a.sunAnomalyRad +
      n3 * a.moonLatitudeArgumentRad +
      n4 * a.elongationRad +
      n5 * a.moonNodeRad;
    dPsi += (ai + bi * t) * Math.sin(arg);
    dEps += (ci + di * t) * Math.cos(arg);
  }
  const unit = 1e-4 * ARCSEC_TO_RAD;
  const dPsiRad = dPsi * unit + ddPsiArcsec * ARCSEC_TO_RAD;
  const dEpsRad = dEps * unit + ddEpsArcsec * ARCSEC_TO_RAD;
  const meanObliquityRad = meanObliquityIau76Rad(t);
  return {
    dPsiRad,
    dEpsRad,
    meanObliquityRad,
    trueObliquityRad: meanObliquityRad + dEpsRad,
    moonNodeRad: a.moonNodeRad,
  };
}

/** Nutation matrix N: r_TOD = N · r_MOD, N = ROT1(−ε) · ROT3(−Δψ) · ROT1(ε̄) (Vallado 2013 eq. 3-86). */
export function nutationMatrixIau80(n: NutationIau80): Matrix3 {
  return chain3(rot1(-n.trueObliquityRad), rot3(-n.dPsiRad), rot1(n.meanObliquityRad));
}

/** JD (UT1 or TT, the difference is irrelevant here) after which the IAU-1994 kinematic terms are included. */
const KINEMATIC_TERMS_FROM_JD = 2_450_449.5; // 1997-02-27

/**
 * Equation of the equinoxes (GAST − GMST), radians: Δψ cos ε̄, plus from 1997-02-27 the IAU-1994 kinematic terms
 * 0.00264″ sin Ω + 0.000063″ sin 2Ω, as Vallado 2013 eq. 3-79 and SOFA `eqeq94`.
 */
export function equationOfEquinoxesRad(n: NutationIau80, jd: number): number {
  const geometric = n.dPsiRad * Math.cos(n.meanObliquityRad);
  if (jd <= KINEMATIC_TERMS_FROM_JD) return geometric;
  return (
    geometric + (0.00264 * Math.sin(n.moonNodeRad) + 0.000063 * Math.sin(2 * n.moonNodeRad)) * ARCSEC_TO_RAD
  );
}

/**
 * The geometric part of the equation of the equinoxes, Δψ cos ε̄ only. Not used by `teme.ts` (whose TEME → TOD
 * includes the kinematic terms, matching Vallado 2013 Example 3-15 and SOFA's GMST-only TEME); kept so that the
 * other reading of Vallado et al. 2006 can be compared (≤ 0.0027″ apart).
 */
export function temeEquationOfEquinoxesRad(n: NutationIau80): number {
  return n.dPsiRad * Math.cos(n.meanObliquityRad);
}
