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
