import { chain3, identity3, type Matrix3, transpose3 } from './matrix3.js';
import type { FrameRotations } from './teme.js';

/** Earth-centred inertial frames an ephemeris can be converted from. */
export type InertialFrame = 'TEME' | 'GCRF' | 'ICRF' | 'EME2000' | 'TOD' | 'MOD';

export const INERTIAL_FRAMES: readonly InertialFrame[] = ['TEME', 'GCRF', 'ICRF', 'EME2000', 'TOD', 'MOD'];

/**
 * Rotation M with r_TEME = M · r_frame at the instant of `rot` (TOD, MOD and TEME are "of date": of that instant).
 * GCRF, ICRF and EME2000 all go through the IAU-76/FK5 chain of `teme.ts` (precession, nutation, equation of the
 * equinoxes): the ≈ 23 mas frame bias between EME2000 and GCRF is neglected, as there (≤ 0.8 m at LEO radius,
 * ≈ 5 m at GEO), and for an Earth-centred state ICRF axes are GCRF axes. Without the celestial pole offsets
 * dΔψ, dΔε in `rot` (zero Earth orientation parameters) a GCRF state lands ≈ 1 m from its TEME in LEO. Velocities are rotated with the same
 * matrix (the frames' own rotation rates, ≈ 1e-8 km/s, are neglected, as in `teme.ts`).
 */
export function inertialToTemeMatrix(frame: InertialFrame, rot: FrameRotations): Matrix3 {
  switch (frame) {
    case 'TEME':
      return identity3();
    case 'TOD':
      return transpose3(rot.temeToTod);
    case 'MOD':
      return transpose3(chain3(rot.todToMod, rot.temeToTod));
    case 'GCRF':
    case 'ICRF':
    case 'EME2000':
      return transpose3(rot.temeToGcrf);
  }
}
