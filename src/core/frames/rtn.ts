import {
  apply3,
  applyTransposed3,
  cross3,
  type Matrix3,
  multiply3,
  norm3,
  transpose3,
  type Vec3,
  vec3From,
} from './matrix3.js';

/*
 * RTN local orbital frame (a.k.a. RIC, RSW, "UVW" in CCSDS CDM): R radial (along r), N normal (along r × v, the
 * orbit angular momentum), T transverse = N × R (along-track for a circular orbit). Used by CDM covariances
 * (CCSDS 508.0-B-1 §3.5: "RTN" frame, CR_R, CT_R, … CNDOT_NDOT).
 */

/** Rotation M with r_RTN = M · r_inertial: rows are R̂, T̂, N̂ expressed in the inertial frame of (r, v). */
export function rtnRotation(positionKm: Vec3, velocityKmS: Vec3): Matrix3 {
  const rNorm = norm3(positionKm);
  const h = cross3(positionKm, velocityKmS);
  const hNorm = norm3(h);
  const rHat: Vec3 = [positionKm[0] / rNorm, positionKm[1] / rNorm, positionKm[2] / rNorm];
  const nHat: Vec3 = [h[0] / hNorm, h[1] / hNorm, h[2] / hNorm];
  const tHat = cross3(nHat, rHat);
  return Float64Array.of(rHat[0], rHat[1], rHat[2], tHat[0], tHat[1], tHat[2], nHat[0], nHat[1], nHat[2]);
}

/** Inertial vector → RTN components. */
export function toRtn(rotation: Matrix3, vector: Vec3): [number, number, number] {
  return apply3(rotation, vector);
}

/** RTN components → inertial vector. */
export function fromRtn(rotation: Matrix3, vectorRtn: Vec3): [number, number, number] {
  return applyTransposed3(rotation, vectorRtn);
}

/** A 6×6 matrix, row-major Float64Array(36): position (km) then velocity (km/s) components. */
export type Matrix6 = Float64Array;

/** The 6×6 block-diagonal diag(R, R) from a 3×3 rotation. */
export function blockDiagonal6(rotation: Matrix3): Matrix6 {
  const out = new Float64Array(36);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const v = rotation[3 * i + j] ?? 0;
      out[6 * i + j] = v;
      out[6 * (i + 3) + j + 3] = v;
    }
  }
  return out;
}

/**
 * C′ = T · C · Tᵀ for a 6×6 covariance `cov` (row-major, 36 values). `transform` is either a full 6×6 matrix
 * (36 values, e.g. with a ω× coupling block for rotating frames) or a 3×3 rotation (9 values) applied to both the
 * position and velocity blocks. To go back, pass the transpose (for a rotation) or the inverse.
 * The result is symmetrised to remove round-off asymmetry.
 */
export function rotateCovariance6(cov: Matrix6, transform: Float64Array): Matrix6 {
  const t = transform.length === 9 ? blockDiagonal6(transform) : transform;
  if (t.length !== 36 || cov.length !== 36) {
    throw new RangeError('rotateCovariance6 needs a 36-value covariance and a 9- or 36-value transform');
  }
  const tc = new Float64Array(36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      let s = 0;
      for (let k = 0; k < 6; k++) s += (t[6 * i + k] ?? 0) * (cov[6 * k + j] ?? 0);
      tc[6 * i + j] = s;
    }
  }
  const out = new Float64Array(36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      let s = 0;
      for (let k = 0; k < 6; k++) s += (tc[6 * i + k] ?? 0) * (t[6 * j + k] ?? 0);
      out[6 * i + j] = s;
    }
  }
  for (let i = 0; i < 6; i++) {
    for (let j = i + 1; j < 6; j++) {
      const m = 0.5 * ((out[6 * i + j] ?? 0) + (out[6 * j + i] ?? 0));
      out[6 * i + j] = m;
      out[6 * j + i] = m;
    }
  }
  return out;
}

/** RTN covariance of the object whose inertial state is (r, v) → inertial covariance (block rotation). */
export function covarianceRtnToInertial(covRtn: Matrix6, positionKm: Vec3, velocityKmS: Vec3): Matrix6 {
  const m = rtnRotation(positionKm, velocityKmS);
  // r_inertial = Mᵀ r_RTN, so the transform is Mᵀ.
  const mt = Float64Array.of(
    m[0] ?? 0,
    m[3] ?? 0,
    m[6] ?? 0,
    m[1] ?? 0,
    m[4] ?? 0,
    m[7] ?? 0,
    m[2] ?? 0,
    m[5] ?? 0,
    m[8] ?? 0,
  );
  return rotateCovariance6(covRtn, mt);
}

/** Inertial covariance → RTN covariance of the object whose inertial state is (r, v). */
export function covarianceInertialToRtn(covInertial: Matrix6, positionKm: Vec3, velocityKmS: Vec3): Matrix6 {
  return rotateCovariance6(covInertial, rtnRotation(positionKm, velocityKmS));
}

/**
 * Full symmetric 6×6 from the 21 lower-triangle values in CDM order (row by row: CR_R; CT_R, CT_T; CN_R, CN_T,
 * CN_N; CRDOT_R … CRDOT_RDOT; …; CNDOT_R … CNDOT_NDOT).
 */
export function covariance6FromLowerTriangle(values: readonly number[]): Matrix6 {
  if (values.length !== 21) throw new RangeError(`expected 21 lower-triangle values, got ${values.length}`);
  const out = new Float64Array(36);
  let k = 0;
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      const v = values[k++] ?? 0;
      out[6 * i + j] = v;
      out[6 * j + i] = v;
    }
  }
  return out;
}

/** The 21 lower-triangle values (CDM order) of a 6×6 covariance. */
export function lowerTriangleFromCovariance6(cov: Matrix6): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j <= i; j++) out.push(cov[6 * i + j] ?? 0);
  return out;
}

/** 3×3 (9 values) or 6×6 (36 values) covariance rotated by a 3×3 rotation: C′ = M C Mᵀ (block-wise for 6×6). */
function rotateCovariance(cov: Float64Array, rotation: Matrix3): Float64Array {
  if (cov.length === 36) return rotateCovariance6(cov, rotation);
  if (cov.length !== 9) throw new RangeError(`covariance must have 9 or 36 values, got ${cov.length}`);
  const out = multiply3(multiply3(rotation, cov), transpose3(rotation));
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      const m = 0.5 * ((out[3 * i + j] ?? 0) + (out[3 * j + i] ?? 0));
      out[3 * i + j] = m;
      out[3 * j + i] = m;
    }
  }
  return out;
}

/**
 * RTN covariance (3×3 position or 6×6 position/velocity, any units) of the object at (r, v) → inertial, for
 * states held in arrays. As CARA's RIC2ECI and Orekit, the velocity block uses the same rotation (no transport
 * term).
 */
export function rtnToInertialCovariance(
  covarianceRtn: Float64Array,
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
): Float64Array {
  return rotateCovariance(
    covarianceRtn,
    transpose3(rtnRotation(vec3From(positionKm), vec3From(velocityKmS))),
  );
}

/** Inverse of {@link rtnToInertialCovariance}. */
export function inertialToRtnCovariance(
  covarianceInertial: Float64Array,
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
): Float64Array {
  return rotateCovariance(covarianceInertial, rtnRotation(vec3From(positionKm), vec3From(velocityKmS)));
}

/** An inertial vector expressed in the RTN frame of the state (r, v). */
export function inertialToRtnVector(
  vector: ArrayLike<number>,
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
): Float64Array {
  return Float64Array.from(toRtn(rtnRotation(vec3From(positionKm), vec3From(velocityKmS)), vec3From(vector)));
}
