/** A 3-vector (km, km/s or unitless, as named by the caller). */
export type Vec3 = readonly [number, number, number];

/** A 3×3 matrix, row-major, Float64. `m[3*i + j]` is row i, column j. */
export type Matrix3 = Float64Array;

export const ARCSEC_TO_RAD = Math.PI / (180 * 3600);
export const DEG_TO_RAD = Math.PI / 180;

export function identity3(): Matrix3 {
  return Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
}

/*
 * Frame (passive) rotations as in Vallado, "Fundamentals of Astrodynamics": ROTi(a) re-expresses a vector in axes
 * turned by +a about axis i. Keeping his convention lets every formula be checked against the book line by line.
 */

export function rot1(angleRad: number): Matrix3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return Float64Array.of(1, 0, 0, 0, c, s, 0, -s, c);
}

export function rot2(angleRad: number): Matrix3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return Float64Array.of(c, 0, -s, 0, 1, 0, s, 0, c);
}

export function rot3(angleRad: number): Matrix3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return Float64Array.of(c, s, 0, -s, c, 0, 0, 0, 1);
}

function at(m: Matrix3, i: number): number {
  return m[i] ?? 0;
}

/** a · b */
export function multiply3(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      out[3 * i + j] =
        at(a, 3 * i) * at(b, j) + at(a, 3 * i + 1) * at(b, 3 + j) + at(a, 3 * i + 2) * at(b, 6 + j);
    }
  }
  return out;
}

/** Product of several matrices, left to right. */
export function chain3(...ms: Matrix3[]): Matrix3 {
  let out = identity3();
  for (const m of ms) out = multiply3(out, m);
  return out;
}

export function transpose3(m: Matrix3): Matrix3 {
  return Float64Array.of(
    at(m, 0),
    at(m, 3),
    at(m, 6),
    at(m, 1),
    at(m, 4),
    at(m, 7),
    at(m, 2),
    at(m, 5),
    at(m, 8),
  );
}

/** m · v */
export function apply3(m: Matrix3, v: Vec3): [number, number, number] {
  const [x, y, z] = v;
  return [
    at(m, 0) * x + at(m, 1) * y + at(m, 2) * z,
    at(m, 3) * x + at(m, 4) * y + at(m, 5) * z,
    at(m, 6) * x + at(m, 7) * y + at(m, 8) * z,
  ];
}

/** mᵀ · v */
export function applyTransposed3(m: Matrix3, v: Vec3): [number, number, number] {
  const [x, y, z] = v;
  return [
    at(m, 0) * x + at(m, 3) * y + at(m, 6) * z,
    at(m, 1) * x + at(m, 4) * y + at(m, 7) * z,
    at(m, 2) * x + at(m, 5) * y + at(m, 8) * z,
  ];
}

/**
 * In-place batch form: for each of `count` vectors stored xyz-interleaved in `input` (from element offset 0),
 * writes m · v into `output` (which may be `input`).
 */
export function apply3Batch(
  m: Matrix3,
  input: Float64Array,
  output: Float64Array,
  count = input.length / 3,
): void {
  const m0 = at(m, 0);
  const m1 = at(m, 1);
  const m2 = at(m, 2);
  const m3 = at(m, 3);
  const m4 = at(m, 4);
  const m5 = at(m, 5);
  const m6 = at(m, 6);
  const m7 = at(m, 7);
  const m8 = at(m, 8);
  for (let k = 0; k < count; k++) {
    const o = 3 * k;
    const x = input[o] ?? 0;
    const y = input[o + 1] ?? 0;
    const z = input[o + 2] ?? 0;
    output[o] = m0 * x + m1 * y + m2 * z;
    output[o + 1] = m3 * x + m4 * y + m5 * z;
    output[o + 2] = m6 * x + m7 * y + m8 * z;
  }
}

export function cross3(a: Vec3, b: Vec3): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function dot3(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function norm3(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** A 3-vector tuple from the first three elements of an array (e.g. a Float64Array state). */
export function vec3From(a: ArrayLike<number>): [number, number, number] {
  return [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0];
}

export function add3(a: Vec3, b: Vec3): [number, number, number] {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

/** a − b */
export function sub3(a: Vec3, b: Vec3): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale3(a: Vec3, factor: number): [number, number, number] {
  return [a[0] * factor, a[1] * factor, a[2] * factor];
}

/** Eigenvalues of a symmetric 3×3 matrix, ascending (analytic, Smith 1961). */
export function symmetricEigenvalues3(m: Matrix3): [number, number, number] {
  const a = at(m, 0);
  const b = at(m, 4);
  const c = at(m, 8);
  const d = at(m, 1);
  const e = at(m, 5);
  const f = at(m, 2);
  const p1 = d * d + e * e + f * f;
  if (p1 === 0) {
    const s = [a, b, c].sort((x, y) => x - y);
    return [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0];
  }
  const q = (a + b + c) / 3;
  const p2 = (a - q) ** 2 + (b - q) ** 2 + (c - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  const b11 = (a - q) / p;
  const b22 = (b - q) / p;
  const b33 = (c - q) / p;
  const b12 = d / p;
  const b23 = e / p;
  const b13 = f / p;
  const detB = b11 * (b22 * b33 - b23 * b23) - b12 * (b12 * b33 - b23 * b13) + b13 * (b12 * b23 - b22 * b13);
  const r = Math.min(1, Math.max(-1, detB / 2));
  const phi = Math.acos(r) / 3;
  const largest = q + 2 * p * Math.cos(phi);
  const smallest = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
  return [smallest, 3 * q - largest - smallest, largest];
}

/** Eigen-decomposition of a symmetric 2×2 [[a, b], [b, c]]: larger eigenvalue first, with its unit eigenvector. */
export function symmetricEigen2(
  a: number,
  b: number,
  c: number,
): { major: number; minor: number; majorAxis: [number, number] } {
  const mean = 0.5 * (a + c);
  const radius = Math.hypot(0.5 * (a - c), b);
  const major = mean + radius;
  // The smaller root from the determinant avoids cancellation for thin ellipses.
  const minor = major !== 0 ? (a * c - b * b) / major : mean - radius;
  if (b === 0) return { major, minor, majorAxis: a >= c ? [1, 0] : [0, 1] };
  const vx = major - c;
  const n = Math.hypot(vx, b);
  return { major, minor, majorAxis: [vx / n, b / n] };
}
