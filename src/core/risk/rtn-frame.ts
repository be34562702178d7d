import { congruence, cross3, dot3, norm3, transpose } from './matrix3.js';

/**
 * Radial / transverse / normal (RTN, also RIC or RSW) local orbital frame of a state, and covariance rotations
 * between RTN and the inertial frame the state is expressed in (EME2000/GCRF or TEME: the rotation only uses
 * the state's own position and velocity, so it is valid in whichever inertial frame they are given).
 * R = r/|r|, N = (r x v)/|r x v|, T = N x R. This is CCSDS 508.0 (CDM) convention for the covariance.
 * Minimal local version for the risk kernels; a shared frames module may supersede it.
 */
export function rtnRotation(positionKm: Float64Array, velocityKmS: Float64Array): Float64Array {
  const rNorm = norm3(positionKm);
  const h = cross3(positionKm, velocityKmS);
  const hNorm = norm3(h);
  const rx = (positionKm[0] ?? 0) / rNorm;
  const ry = (positionKm[1] ?? 0) / rNorm;
  const rz = (positionKm[2] ?? 0) / rNorm;
  const nx = (h[0] ?? 0) / hNorm;
  const ny = (h[1] ?? 0) / hNorm;
  const nz = (h[2] ?? 0) / hNorm;
  const t = cross3(Float64Array.of(nx, ny, nz), Float64Array.of(rx, ry, rz));
  // Rows are the RTN axes expressed in the inertial frame: x_rtn = M * x_inertial.
  return Float64Array.of(rx, ry, rz, t[0] ?? 0, t[1] ?? 0, t[2] ?? 0, nx, ny, nz);
}

/** 6x6 block-diagonal rotation diag(M, M) for position/velocity covariances (no frame-rotation rate term). */
function blockRotation6(m3: Float64Array): Float64Array {
  const m6 = new Float64Array(36);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const value = m3[i * 3 + j] ?? 0;
      m6[i * 6 + j] = value;
      m6[(i + 3) * 6 + (j + 3)] = value;
    }
  }
  return m6;
}

/**
 * Rotates a covariance (3x3 position or 6x6 position/velocity, row-major, any units) from RTN to inertial.
 * As CARA's RIC2ECI and Orekit's CDM handling, the velocity block is rotated with the same matrix (the
 * transport term of the rotating frame is not applied to covariances).
 */
export function rtnToInertialCovariance(
  covarianceRtn: Float64Array,
  positionKm: Float64Array,
  velocityKmS: Float64Array,
): Float64Array {
  const m = rtnRotation(positionKm, velocityKmS);
  if (covarianceRtn.length === 9) return congruence(transpose(m, 3), covarianceRtn, 3);
  return congruence(transpose(blockRotation6(m), 6), covarianceRtn, 6);
}

/** Inverse of {@link rtnToInertialCovariance}. */
export function inertialToRtnCovariance(
  covarianceInertial: Float64Array,
  positionKm: Float64Array,
  velocityKmS: Float64Array,
): Float64Array {
  const m = rtnRotation(positionKm, velocityKmS);
  if (covarianceInertial.length === 9) return congruence(m, covarianceInertial, 3);
  return congruence(blockRotation6(m), covarianceInertial, 6);
}

/** Expresses an inertial vector in the RTN frame of a state. */
export function inertialToRtnVector(
  vector: Float64Array,
  positionKm: Float64Array,
  velocityKmS: Float64Array,
): Float64Array {
  const m = rtnRotation(positionKm, velocityKmS);
  return Float64Array.of(
    dot3(m.subarray(0, 3), vector),
    dot3(m.subarray(3, 6), vector),
    dot3(m.subarray(6, 9), vector),
  );
}
