import { err, ok, type Result } from '../result.js';
import { MU_EARTH_KM3_S2 } from './two-body-constants.js';

/**
 * Lambert's problem by Izzo's algorithm (D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics and
 * Dynamical Astronomy 121, 2015): the time of flight is written in the single variable x, started from
 * Izzo's initial guesses and solved by Householder (third-order) iterations; multi-revolution solutions
 * (M ≥ 1, low or high path) are supported.
 */
export interface LambertSolution {
  /** Departure velocity, km/s (same frame as the positions). */
  readonly v1KmS: Float64Array;
  /** Arrival velocity, km/s. */
  readonly v2KmS: Float64Array;
  readonly iterations: number;
}

export interface LambertOptions {
  /** Gravitational parameter, km³/s² (default μ⊕ of the rescue basis). */
  readonly muKm3S2?: number;
  /** Complete revolutions M (default 0). */
  readonly revolutions?: number;
  /** Prograde (angular momentum +z) transfer (default true). */
  readonly prograde?: boolean;
  /** For M ≥ 1: the low-energy ("low path", larger x) branch (default true). */
  readonly lowPath?: boolean;
  readonly maxIterations?: number;
}

export type LambertCode = 'LAMBERT_INVALID_INPUT' | 'LAMBERT_NO_SOLUTION' | 'LAMBERT_NOT_CONVERGED';

const norm = (v: Float64Array) => Math.hypot(v[0] ?? 0, v[1] ?? 0, v[2] ?? 0);
const cross = (a: Float64Array, b: Float64Array) =>
  Float64Array.of(
    (a[1] ?? 0) * (b[2] ?? 0) - (a[2] ?? 0) * (b[1] ?? 0),
    (a[2] ?? 0) * (b[0] ?? 0) - (a[0] ?? 0) * (b[2] ?? 0),
    (a[0] ?? 0) * (b[1] ?? 0) - (a[1] ?? 0) * (b[0] ?? 0),
  );
const scale = (v: Float64Array, k: number) =>
  Float64Array.of((v[0] ?? 0) * k, (v[1] ?? 0) * k, (v[2] ?? 0) * k);

/** Gauss hypergeometric 2F1(3, 1; 5/2; x) by its series (Izzo eq. for x near 1). */
function hyp2f1b(x: number): number {
  if (x >= 1) return Number.POSITIVE_INFINITY;
  let res = 1;
  let term = 1;
  for (let i = 0; i < 10_000; i++) {
    term = (((term * (3 + i) * (1 + i)) / (2.5 + i)) * x) / (i + 1);
    const prev = res;
    res += term;
    if (res === prev) break;
  }
  return res;
}

const computeY = (x: number, ll: number) => Math.sqrt(1 - ll * ll * (1 - x * x));

function computePsi(x: number, y: number, ll: number): number {
  if (x >= -1 && x < 1) return Math.acos(x * y + ll * (1 - x * x));
  if (x > 1) return Math.asinh((y - x * ll) * Math.sqrt(x * x - 1));
  return 0;
}

/** Non-dimensional time of flight minus the target T0 (Izzo eq. 18, with the series near x = 1). */
function tofEquationY(x: number, y: number, t0: number, ll: number, m: number): number {
  let t: number;
  if (m === 0 && x > Math.sqrt(0.6) && x < Math.sqrt(1.4)) {
    const eta = y - ll * x;
    const s1 = (1 - ll - x * eta) * 0.5;
    const q = (4 / 3) * hyp2f1b(s1);
    t = (eta ** 3 * q + 4 * ll * eta) * 0.5;
  } else {
    const psi = computePsi(x, y, ll);
    t = ((psi + m * Math.PI) / Math.sqrt(Math.abs(1 - x * x)) - x + ll * y) / (1 - x * x);
  }
  return t - t0;
}

const tofP = (x: number, y: number, t: number, ll: number) =>
  (3 * t * x - 2 + (2 * ll ** 3 * x) / y) / (1 - x * x);
const tofP2 = (x: number, y: number, t: number, dt: number, ll: number) =>
  (3 * t + 5 * x * dt + (2 * (1 - ll * ll) * ll ** 3) / y ** 3) / (1 - x * x);
const tofP3 = (x: number, y: number, dt: number, ddt: number, ll: number) =>
  (7 * x * ddt + 8 * dt - (6 * (1 - ll * ll) * ll ** 5 * x) / y ** 5) / (1 - x * x);

const X_TOL_ABS = 1e-14;
const X_TOL_REL = 1e-13;

/** Halley iterations for the x of minimum time of flight of an M-revolution transfer. */
function minimumTofX(ll: number, m: number, maxIter: number): number | undefined {
  let p0 = 0.1;
  const t0 = tofEquationY(p0, computeY(p0, ll), 0, ll, m);
  for (let i = 0; i < maxIter; i++) {
    const y = computeY(p0, ll);
    const d1 = tofP(p0, y, t0, ll);
    const d2 = tofP2(p0, y, t0, d1, ll);
    if (d2 === 0) return undefined;
    const d3 = tofP3(p0, y, d1, d2, ll);
    const p = p0 - (2 * d1 * d2) / (2 * d2 * d2 - d1 * d3);
    if (Math.abs(p - p0) < X_TOL_REL * Math.abs(p0) + X_TOL_ABS) return p;
    p0 = p;
  }
  return undefined;
}

function initialGuess(t: number, ll: number, m: number, lowPath: boolean): number {
  if (m === 0) {
    const tZero = Math.acos(ll) + ll * Math.sqrt(1 - ll * ll); // eq. 19
    const tOne = (2 * (1 - ll ** 3)) / 3; // eq. 21
    if (t >= tZero) return (tZero / t) ** (2 / 3) - 1;
    if (t < tOne) return ((2.5 * tOne) / t) * ((tOne - t) / (1 - ll ** 5)) + 1;
    return (tZero / t) ** Math.log2(tOne / tZero) - 1;
  }
  const a = ((m * Math.PI + Math.PI) / (8 * t)) ** (2 / 3);
  const xl = (a - 1) / (a + 1);
  const b = ((8 * t) / (m * Math.PI)) ** (2 / 3);
  const xr = (b - 1) / (b + 1);
  return lowPath ? Math.max(xl, xr) : Math.min(xl, xr);
}

/**
 * Solve Lambert's problem: the orbit through positions `r1Km` and `r2Km` (km, any inertial frame) with time
 * of flight `tofS` seconds. Returns the velocities at both ends.
 */
export function solveLambertIzzo(
  r1Km: Float64Array,
  r2Km: Float64Array,
  tofS: number,
  options: LambertOptions = {},
): Result<LambertSolution, LambertCode> {
  const mu = options.muKm3S2 ?? MU_EARTH_KM3_S2;
  const m = options.revolutions ?? 0;
  const prograde = options.prograde ?? true;
  const lowPath = options.lowPath ?? true;
  const maxIter = options.maxIterations ?? 35;
  if (!(tofS > 0) || !(mu > 0) || !Number.isInteger(m) || m < 0) {
    return err(
      'LAMBERT_INVALID_INPUT',
      'time of flight and μ must be positive, revolutions a whole number ≥ 0',
    );
  }
  const c = Float64Array.of(
    (r2Km[0] ?? 0) - (r1Km[0] ?? 0),
    (r2Km[1] ?? 0) - (r1Km[1] ?? 0),
    (r2Km[2] ?? 0) - (r1Km[2] ?? 0),
  );
  const cNorm = norm(c);
  const r1 = norm(r1Km);
  const r2 = norm(r2Km);
  if (!(r1 > 0) || !(r2 > 0) || !(cNorm > 0)) {
    return err('LAMBERT_INVALID_INPUT', 'positions must be non-zero and distinct');
  }
  const s = (r1 + r2 + cNorm) / 2;
  const ir1 = scale(r1Km, 1 / r1);
  const ir2 = scale(r2Km, 1 / r2);
  const h = cross(ir1, ir2);
  const hNorm = norm(h);
  if (!(hNorm > 1e-12)) {
    return err('LAMBERT_INVALID_INPUT', 'positions are collinear: the transfer plane is undefined');
  }
  const ih = scale(h, 1 / hNorm);
  let ll = Math.sqrt(1 - Math.min(1, cNorm / s));
  let it1: Float64Array;
  let it2: Float64Array;
  if ((ih[2] ?? 0) < 0) {
    ll = -ll;
    it1 = cross(ir1, ih);
    it2 = cross(ir2, ih);
  } else {
    it1 = cross(ih, ir1);
    it2 = cross(ih, ir2);
  }
  if (!prograde) {
    ll = -ll;
    it1 = scale(it1, -1);
    it2 = scale(it2, -1);
  }
  const t = Math.sqrt((2 * mu) / s ** 3) * tofS;

  // Highest feasible number of revolutions for this time of flight.
  let mMax = Math.floor(t / Math.PI);
  const t00 = Math.acos(ll) + ll * Math.sqrt(1 - ll * ll);
  if (mMax > 0 && t < t00 + mMax * Math.PI) {
    const xMin = minimumTofX(ll, mMax, maxIter);
    if (xMin !== undefined && t < tofEquationY(xMin, computeY(xMin, ll), 0, ll, mMax)) mMax -= 1;
  }
  if (m > mMax) {
    return err(
      'LAMBERT_NO_SOLUTION',
      `no ${m}-revolution solution for this time of flight (at most ${mMax})`,
    );
  }

  // Householder iterations on x.
  let x = initialGuess(t, ll, m, lowPath);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    const y = computeY(x, ll);
    const f = tofEquationY(x, y, t, ll, m);
    const tx = f + t;
    const d1 = tofP(x, y, tx, ll);
    const d2 = tofP2(x, y, tx, d1, ll);
    const d3 = tofP3(x, y, d1, d2, ll);
    const next = x - f * ((d1 * d1 - (f * d2) / 2) / (d1 * (d1 * d1 - f * d2) + (d3 * f * f) / 6));
    if (!Number.isFinite(next)) break;
    const done = Math.abs(next - x) < X_TOL_REL * Math.abs(x) + X_TOL_ABS;
    x = next;
    if (done) {
      converged = true;
      iterations += 1;
      break;
    }
  }
  if (!converged) {
    return err('LAMBERT_NOT_CONVERGED', `Householder iterations did not converge in ${maxIter} steps`);
  }
  const y = computeY(x, ll);
  const gamma = Math.sqrt((mu * s) / 2);
  const rho = (r1 - r2) / cNorm;
  const sigma = Math.sqrt(1 - rho * rho);
  const vr1 = (gamma * (ll * y - x - rho * (ll * y + x))) / r1;
  const vr2 = (-gamma * (ll * y - x + rho * (ll * y + x))) / r2;
  const vt1 = (gamma * sigma * (y + ll * x)) / r1;
  const vt2 = (gamma * sigma * (y + ll * x)) / r2;
  const v1 = Float64Array.from([0, 1, 2], (k) => vr1 * (ir1[k] ?? 0) + vt1 * (it1[k] ?? 0));
  const v2 = Float64Array.from([0, 1, 2], (k) => vr2 * (ir2[k] ?? 0) + vt2 * (it2[k] ?? 0));
  return ok({ v1KmS: v1, v2KmS: v2, iterations });
}
