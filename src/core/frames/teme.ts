import { ok, type Result } from '../result.js';
import type { LeapSecondCode, LeapSecondTable } from '../time/leap-seconds.js';
import type { JulianDate, TtInstant, UtcInstant } from '../time/time-scale.js';
import { julianCenturiesTtSinceJ2000, utcToTt, utcToUt1JulianDate } from '../time/time-scales.js';
import { type EarthOrientation, type ResolvedEarthOrientation, resolveEop } from './eop.js';
import { gmstIau82Rad } from './gmst-iau82.js';
import {
  ARCSEC_TO_RAD,
  apply3,
  apply3Batch,
  applyTransposed3,
  chain3,
  cross3,
  type Matrix3,
  rot1,
  rot2,
  rot3,
  transpose3,
  type Vec3,
} from './matrix3.js';
import {
  equationOfEquinoxesRad,
  type NutationIau80,
  nutationIau80,
  nutationMatrixIau80,
} from './nutation-iau80.js';
import { precessionMatrixIau76 } from './precession-iau76.js';

/*
 * TEME (the frame of SGP4 output) to GCRF and ITRF by the IAU-76/FK5 reduction, following Vallado, Crawford,
 * Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3" (AIAA 2006-6753), section "TEME", and Vallado 2013
 * Example 3-15:
 *   TEME → PEF  rotation about z by GMST(UT1), IAU 1982 (TEME is the frame whose x axis is the mean equinox
 *               measured along the true equator, so GMST alone brings it to the Earth-fixed PEF);
 *   TEME → TOD  hence rotation about z by the equation of the equinoxes GAST − GMST = Δψ cos ε̄ + (from 1997) the
 *               IAU-1994 kinematic terms. The published Example 3-15 numbers (TOD, MOD, J2000, GCRF, PEF, ITRF)
 *               and SOFA/astropy's TEME (GMST82 only) agree with this; using only Δψ cos ε̄ for TEME → TOD, as one
 *               reading of the paper suggests, moves GCRF by up to 0.0027″ (≈ 9 cm at LEO radius);
 *   TOD  → MOD  IAU-1980 nutation (with the EOP corrections dΔψ, dΔε when given);
 *   MOD  → GCRF IAU-1976 precession. The ~20 mas FK5 frame bias between J2000 and GCRF is neglected, as in the
 *               paper: with dΔψ = dΔε = 0 the result is the paper's "J2000" (≈ 1 m from GCRF at LEO radius);
 *   PEF  → ITRF polar motion W = ROT2(−xp) ROT1(−yp) (IAU-1980 form, no s′).
 * Velocities: inertial chains rotate the velocity with the same matrix (precession/nutation rates ~1e-8 km/s are
 * neglected, as in the paper); Earth-fixed adds −ω × r_PEF with ω = 7.292115146706979e-5 (1 − LOD/86400) rad/s.
 */

/** Nominal mean angular velocity of the Earth, rad/s (IERS/Vallado value used with GMST 1982). */
export const EARTH_ROTATION_RATE_RAD_S = 7.292115146706979e-5;

/** All rotations at one instant, computed once and applied to any number of states. r_B = M · r_A. */
export interface FrameRotations {
  readonly utc: UtcInstant;
  readonly tt: TtInstant;
  readonly jdUt1: JulianDate;
  readonly eop: ResolvedEarthOrientation;
  readonly nutation: NutationIau80;
  /** Greenwich mean sidereal time (IAU 1982) of UT1, radians. */
  readonly gmstRad: number;
  /** Greenwich apparent sidereal time (GMST + equation of the equinoxes, IAU 1994), radians. */
  readonly gastRad: number;
  readonly temeToTod: Matrix3;
  readonly todToMod: Matrix3;
  readonly modToGcrf: Matrix3;
  readonly temeToGcrf: Matrix3;
  readonly temeToPef: Matrix3;
  readonly pefToItrf: Matrix3;
  readonly temeToItrf: Matrix3;
  /** Earth rotation rate about the PEF z axis, rad/s, corrected by LOD. */
  readonly earthRotationRadS: number;
}

/** A position (km) and velocity (km/s) in one frame. */
export interface CartesianState {
  readonly positionKm: Vec3;
  readonly velocityKmS: Vec3;
}

/** Rotations for a given TT and UT1 (use `frameRotationsAt` to start from UTC). */
export function frameRotationsFor(
  utc: UtcInstant,
  tt: TtInstant,
  jdUt1: JulianDate,
  eop: ResolvedEarthOrientation,
): FrameRotations {
  const t = julianCenturiesTtSinceJ2000(tt);
  const nutation = nutationIau80(t, eop.ddPsiArcsec, eop.ddEpsArcsec);
  const jdUt1Value = jdUt1.whole + jdUt1.fraction;
  const temeToTod = rot3(-equationOfEquinoxesRad(nutation, jdUt1Value));
  const todToMod = transpose3(nutationMatrixIau80(nutation));
  const modToGcrf = transpose3(precessionMatrixIau76(t));
  const gmstRad = gmstIau82Rad(jdUt1);
  const gastRad = gmstRad + equationOfEquinoxesRad(nutation, jdUt1Value);
  const temeToPef = rot3(gmstRad);
  const pefToItrf = chain3(rot2(-eop.xpArcsec * ARCSEC_TO_RAD), rot1(-eop.ypArcsec * ARCSEC_TO_RAD));
  return {
    utc,
    tt,
    jdUt1,
    eop,
    nutation,
    gmstRad,
    gastRad,
    temeToTod,
    todToMod,
    modToGcrf,
    temeToGcrf: chain3(modToGcrf, todToMod, temeToTod),
    temeToPef,
    pefToItrf,
    temeToItrf: chain3(pefToItrf, temeToPef),
    earthRotationRadS: EARTH_ROTATION_RATE_RAD_S * (1 - eop.lodSeconds / 86_400),
  };
}

/** Rotations at a UTC instant. Fails only for UTC before 1972 (no TAI−UTC). */
export function frameRotationsAt(
  utc: UtcInstant,
  eop: EarthOrientation = {},
  leapSeconds?: LeapSecondTable,
): Result<FrameRotations, LeapSecondCode> {
  const resolved = resolveEop(eop);
  const tt = utcToTt(utc, leapSeconds);
  if (!tt.ok) return tt;
  return ok(frameRotationsFor(utc, tt.value, utcToUt1JulianDate(utc, resolved.dut1Seconds), resolved));
}

export function temeToGcrf(rot: FrameRotations, teme: CartesianState): CartesianState {
  return {
    positionKm: apply3(rot.temeToGcrf, teme.positionKm),
    velocityKmS: apply3(rot.temeToGcrf, teme.velocityKmS),
  };
}

export function gcrfToTeme(rot: FrameRotations, gcrf: CartesianState): CartesianState {
  return {
    positionKm: applyTransposed3(rot.temeToGcrf, gcrf.positionKm),
    velocityKmS: applyTransposed3(rot.temeToGcrf, gcrf.velocityKmS),
  };
}

/** TEME → PEF (pseudo Earth-fixed: Earth-fixed but without polar motion). */
export function temeToPef(rot: FrameRotations, teme: CartesianState): CartesianState {
  const r = apply3(rot.temeToPef, teme.positionKm);
  const v = apply3(rot.temeToPef, teme.velocityKmS);
  const w = rot.earthRotationRadS;
  // v_PEF = R v_TEME − ω × r_PEF with ω = (0, 0, w).
  return { positionKm: r, velocityKmS: [v[0] + w * r[1], v[1] - w * r[0], v[2]] };
}

export function temeToItrf(rot: FrameRotations, teme: CartesianState): CartesianState {
  const pef = temeToPef(rot, teme);
  return {
    positionKm: apply3(rot.pefToItrf, pef.positionKm),
    velocityKmS: apply3(rot.pefToItrf, pef.velocityKmS),
  };
}

export function itrfToTeme(rot: FrameRotations, itrf: CartesianState): CartesianState {
  const r = applyTransposed3(rot.pefToItrf, itrf.positionKm);
  const v = applyTransposed3(rot.pefToItrf, itrf.velocityKmS);
  const omegaCrossR = cross3([0, 0, rot.earthRotationRadS], r);
  return {
    positionKm: applyTransposed3(rot.temeToPef, r),
    velocityKmS: applyTransposed3(rot.temeToPef, [
      v[0] + omegaCrossR[0],
      v[1] + omegaCrossR[1],
      v[2] + omegaCrossR[2],
    ]),
  };
}

/**
 * Batch TEME → GCRF at one instant: `positionsKm`/`velocitiesKmS` hold `count` xyz triples; results go to the
 * output arrays (which may be the inputs, for in-place conversion).
 */
export function temeToGcrfBatch(
  rot: FrameRotations,
  positionsKm: Float64Array,
  velocitiesKmS: Float64Array,
  outPositionsKm: Float64Array = new Float64Array(positionsKm.length),
  outVelocitiesKmS: Float64Array = new Float64Array(velocitiesKmS.length),
): { positionsKm: Float64Array; velocitiesKmS: Float64Array } {
  apply3Batch(rot.temeToGcrf, positionsKm, outPositionsKm);
  apply3Batch(rot.temeToGcrf, velocitiesKmS, outVelocitiesKmS);
  return { positionsKm: outPositionsKm, velocitiesKmS: outVelocitiesKmS };
}

/** Batch TEME → ITRF at one instant (same layout as `temeToGcrfBatch`). */
export function temeToItrfBatch(
  rot: FrameRotations,
  positionsKm: Float64Array,
  velocitiesKmS: Float64Array,
  outPositionsKm: Float64Array = new Float64Array(positionsKm.length),
  outVelocitiesKmS: Float64Array = new Float64Array(velocitiesKmS.length),
): { positionsKm: Float64Array; velocitiesKmS: Float64Array } {
  const count = Math.min(positionsKm.length, velocitiesKmS.length) / 3;
  const a = rot.temeToPef;
  const m = rot.pefToItrf;
  const w = rot.earthRotationRadS;
  const g = (mat: Matrix3, i: number): number => mat[i] ?? 0;
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => g(a, i)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => g(m, i)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let k = 0; k < count; k++) {
    const o = 3 * k;
    const x = positionsKm[o] ?? 0;
    const y = positionsKm[o + 1] ?? 0;
    const z = positionsKm[o + 2] ?? 0;
    const vx = velocitiesKmS[o] ?? 0;
    const vy = velocitiesKmS[o + 1] ?? 0;
    const vz = velocitiesKmS[o + 2] ?? 0;
    const px = a0 * x + a1 * y + a2 * z;
    const py = a3 * x + a4 * y + a5 * z;
    const pz = a6 * x + a7 * y + a8 * z;
    const pvx = a0 * vx + a1 * vy + a2 * vz + w * py;
    const pvy = a3 * vx + a4 * vy + a5 * vz - w * px;
    const pvz = a6 * vx + a7 * vy + a8 * vz;
    outPositionsKm[o] = m0 * px + m1 * py + m2 * pz;
    outPositionsKm[o + 1] = m3 * px + m4 * py + m5 * pz;
    outPositionsKm[o + 2] = m6 * px + m7 * py + m8 * pz;
    outVelocitiesKmS[o] = m0 * pvx + m1 * pvy + m2 * pvz;
    outVelocitiesKmS[o + 1] = m3 * pvx + m4 * pvy + m5 * pvz;
    outVelocitiesKmS[o + 2] = m6 * pvx + m7 * pvy + m8 * pvz;
  }
  return { positionsKm: outPositionsKm, velocitiesKmS: outVelocitiesKmS };
}
