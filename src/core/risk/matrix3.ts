/**
 * Small dense linear algebra on row-major Float64Array (3-vectors, 3x3 and 6x6 matrices) for the risk kernels.
 * Units are the caller's; these helpers never convert.
 */

export function vec3(x: number, y: number, z: number): Float64Array {
  return Float64Array.of(x, y, z);
}

export function dot3(a: Float64Array, b: Float64Array): number {
  return (a[0] ?? 0) * (b[0] ?? 0) + (a[1] ?? 0) * (b[1] ?? 0) + (a[2] ?? 0) * (b[2] ?? 0);
}

export function cross3(a: Float64Array, b: Float64Array): Float64Array {
  const [a0 = 0, a1 = 0, a2 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0] = b;
  return Float64Array.of(a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0);
}

export function norm3(a: Float64Array): number {
  return Math.sqrt(dot3(a, a));
}

export function scale3(a: Float64Array, factor: number): Float64Array {
  return Float64Array.of((a[0] ?? 0) * factor, (a[1] ?? 0) * factor, (a[2] ?? 0) * factor);
}

export function sub3(a: Float64Array, b: Float64Array): Float64Array {
  return Float64Array.of((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
}

export function add3(a: Float64Array, b: Float64Array): Float64Array {
  return Float64Array.of((a[0] ?? 0) + (b[0] ?? 0), (a[1] ?? 0) + (b[1] ?? 0), (a[2] ?? 0) + (b[2] ?? 0));
}

export function unit3(a: Float64Array): Float64Array {
  const n = norm3(a);
  return scale3(a, 1 / n);
}

/** Element (row, col) of a row-major n x n matrix. */
export function at(m: Float64Array, n: number, row: number, col: number): number {
  return m[row * n + col] ?? 0;
}

/** C = A * B for n x n row-major matrices. */
export function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k] ?? 0;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] = (c[i * n + j] ?? 0) + aik * (b[k * n + j] ?? 0);
    }
  }
  return c;
}

export function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j] ?? 0;
  return t;
}

/** R * C * R^T: rotates a covariance C with the rotation (or any linear map) R, both n x n. */
export function congruence(r: Float64Array, c: Float64Array, n: number): Float64Array {
  const out = multiply(multiply(r, c, n), transpose(r, n), n);
  // Symmetrise away rounding so downstream eigen-decompositions see an exactly symmetric matrix.
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * ((out[i * n + j] ?? 0) + (out[j * n + i] ?? 0));
      out[i * n + j] = mean;
      out[j * n + i] = mean;
    }
  }
  return out;
}

/** Upper-left 3x3 block of a 6x6 row-major matrix. */
export function positionBlock(c6: Float64Array): Float64Array {
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i * 3 + j] = c6[i * 6 + j] ?? 0;
  return out;
}

/** Eigenvalues of a symmetric 3x3 matrix, ascending (analytic, Smith 1961). */
export function symmetricEigenvalues3(m: Float64Array): [number, number, number] {
  const a = at(m, 3, 0, 0);
  const b = at(m, 3, 1, 1);
  const c = at(m, 3, 2, 2);
  const d = at(m, 3, 0, 1);
  const e = at(m, 3, 1, 2);
  const f = at(m, 3, 0, 2);
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
  const middle = 3 * q - largest - smallest;
  return [smallest, middle, largest];
}

/** Eigen-decomposition of a symmetric 2x2 [[a, b], [b, c]]: larger eigenvalue first, with its unit eigenvector. */
export function symmetricEigen2(
  a: number,
  b: number,
  c: number,
): { major: number; minor: number; majorAxis: [number, number] } {
  const mean = 0.5 * (a + c);
  const half = 0.5 * (a - c);
  const radius = Math.hypot(half, b);
  const major = mean + radius;
  // Computing the smaller root from the determinant avoids cancellation for thin ellipses.
  const det = a * c - b * b;
  const minor = major !== 0 ? det / major : mean - radius;
  let vx: number;
  let vy: number;
  if (b === 0) {
    [vx, vy] = a >= c ? [1, 0] : [0, 1];
  } else {
    vx = major - c;
    vy = b;
    const n = Math.hypot(vx, vy);
    vx /= n;
    vy /= n;
  }
  return { major, minor, majorAxis: [vx, vy] };
}
