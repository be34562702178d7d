/**
 * Square-root factor of a symmetric covariance for sampling: L with L L^T = C, from the eigen-decomposition
 * (cyclic Jacobi), L = V sqrt(max(lambda, 0)). Unlike Cholesky it accepts positive semi-definite matrices
 * (Alfano's epoch covariances have exactly uncorrelated blocks and tiny velocity variances) and reports how many
 * eigenvalues were negative and clipped to zero instead of failing or hiding it.
 */
export interface CovarianceFactor {
  /** Row-major n x n factor (units of the covariance's square root, e.g. m and m/s). */
  readonly factor: Float64Array;
  /** Eigenvalues, ascending (units of the covariance). */
  readonly eigenvalues: Float64Array;
  /** How many eigenvalues were negative (beyond round-off) and clipped to zero. */
  readonly clippedEigenvalues: number;
}

/** Eigen-decomposition of a symmetric n x n row-major matrix by cyclic Jacobi rotations. */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const get = (m: Float64Array, i: number, j: number): number => m[i * n + j] ?? 0;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += get(a, i, i) ** 2;
      for (let j = i + 1; j < n; j++) off += get(a, i, j) ** 2;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = get(a, p, q);
        if (apq === 0) continue;
        const app = get(a, p, p);
        const aqq = get(a, q, q);
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = get(a, k, p);
          const akq = get(a, k, q);
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = get(a, p, k);
          const aqk = get(a, q, k);
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = get(v, k, p);
          const vkq = get(v, k, q);
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => get(a, i, i) - get(a, j, j));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = get(a, src, src);
    for (let k = 0; k < n; k++) vectors[k * n + dst] = get(v, k, src);
  });
  return { values, vectors };
}

/** L with L L^T = C (n x n, row-major); negative eigenvalues are clipped to zero and counted. */
export function covarianceFactor(covariance: Float64Array, n: number): CovarianceFactor {
  const { values, vectors } = symmetricEigen(covariance, n);
  const largest = Math.max(0, ...values);
  let clipped = 0;
  const factor = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const lambda = values[j] ?? 0;
    // Round-off negatives (relative to the largest eigenvalue) are zero, not a defect of the input.
    if (lambda < -1e-12 * largest) clipped++;
    const root = Math.sqrt(Math.max(0, lambda));
    for (let i = 0; i < n; i++) factor[i * n + j] = (vectors[i * n + j] ?? 0) * root;
  }
  return { factor, eigenvalues: values, clippedEigenvalues: clipped };
}
