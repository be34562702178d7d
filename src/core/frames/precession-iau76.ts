import { ARCSEC_TO_RAD, chain3, type Matrix3, rot2, rot3 } from './matrix3.js';

/** IAU-1976 precession angles (Lieske 1977), radians, for `tCenturiesTt` Julian centuries of TT since J2000. */
export function precessionAnglesIau76(tCenturiesTt: number): {
  zetaRad: number;
  thetaRad: number;
  zRad: number;
} {
  const t = tCenturiesTt;
  const zetaArcsec = ((0.017998 * t + 0.30188) * t + 2306.2181) * t;
  const thetaArcsec = ((-0.041833 * t - 0.42665) * t + 2004.3109) * t;
  const zArcsec = ((0.018203 * t + 1.09468) * t + 2306.2181) * t;
  return {
    zetaRad: zetaArcsec * ARCSEC_TO_RAD,
    thetaRad: thetaArcsec * ARCSEC_TO_RAD,
    zRad: zArcsec * ARCSEC_TO_RAD,
  };
}

/**
 * Precession matrix P: r_MOD = P · r_J2000 (mean equator and equinox of date from those of J2000),
 * P = ROT3(−z) · ROT2(θ) · ROT3(−ζ) (Vallado 2013, eq. 3-88). Its transpose goes MOD → J2000.
 */
export function precessionMatrixIau76(tCenturiesTt: number): Matrix3 {
  const { zetaRad, thetaRad, zRad } = precessionAnglesIau76(tCenturiesTt);
  return chain3(rot3(-zRad), rot2(thetaRad), rot3(-zetaRad));
}
