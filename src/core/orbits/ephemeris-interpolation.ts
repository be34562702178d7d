import { err, ok, type Result } from '../result.js';

/** One tabulated state: time (s from any fixed origin), position (km), velocity (km/s). */
export interface EphemerisSample {
  readonly tSeconds: number;
  readonly positionKm: Float64Array;
  readonly velocityKmS: Float64Array;
}

export type InterpolationMethod = 'LAGRANGE' | 'HERMITE' | 'LINEAR';

export type InterpolationCode = 'OUTSIDE_EPHEMERIS' | 'TOO_FEW_SAMPLES';

/**
 * Interpolates an ephemeris as its OEM metadata says. With INTERPOLATION_DEGREE d, d + 1 samples are used
 * (as Orekit does), centred on t where possible:
 *  - LAGRANGE: position and velocity are each interpolated by the degree-d Lagrange polynomial;
 *  - HERMITE: positions and velocities of the d + 1 samples define one Hermite polynomial (degree 2d + 1) for
 *    each coordinate; velocity is its derivative, so position and velocity stay consistent;
 *  - LINEAR: degree 1 on the two bracketing samples.
 * Samples must be sorted by time; t outside [first, last] is refused (no extrapolation).
 */
export function interpolateEphemeris(
  samples: readonly EphemerisSample[],
  tSeconds: number,
  method: InterpolationMethod,
  degree: number,
): Result<{ positionKm: Float64Array; velocityKmS: Float64Array }, InterpolationCode> {
  const n = samples.length;
  const first = samples[0];
  const last = samples[n - 1];
  if (!first || !last || n < 2) return err('TOO_FEW_SAMPLES', `need at least 2 samples, have ${n}`);
  if (tSeconds < first.tSeconds || tSeconds > last.tSeconds) {
    return err(
      'OUTSIDE_EPHEMERIS',
      `t = ${tSeconds} s is outside the ephemeris [${first.tSeconds}, ${last.tSeconds}] s`,
    );
  }
  const count = Math.min(n, method === 'LINEAR' ? 2 : Math.max(2, degree + 1));
  // Index of the last sample at or before t (binary search).
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid]?.tSeconds ?? 0) <= tSeconds) lo = mid;
    else hi = mid;
  }
  let start = lo - Math.floor((count - 1) / 2);
  start = Math.max(0, Math.min(n - count, start));
  const window = samples.slice(start, start + count);
  const position = new Float64Array(3);
  const velocity = new Float64Array(3);
  if (method === 'HERMITE') {
    for (let k = 0; k < 3; k++) {
      const [p, dp] = hermite(window, tSeconds, k);
      position[k] = p;
      velocity[k] = dp;
    }
  } else {
    for (let k = 0; k < 3; k++) {
      position[k] = lagrange(window, tSeconds, (s) => s.positionKm[k] ?? 0);
      velocity[k] = lagrange(window, tSeconds, (s) => s.velocityKmS[k] ?? 0);
    }
  }
  return ok({ positionKm: position, velocityKmS: velocity });
}

function lagrange(
  window: readonly EphemerisSample[],
  t: number,
  value: (s: EphemerisSample) => number,
): number {
  let sum = 0;
  for (let i = 0; i < window.length; i++) {
    const si = window[i];
    if (!si) continue;
    let w = 1;
    for (let j = 0; j < window.length; j++) {
      const sj = window[j];
      if (j !== i && sj) w *= (t - sj.tSeconds) / (si.tSeconds - sj.tSeconds);
    }
    sum += w * value(si);
  }
  return sum;
}

/** Hermite interpolation (Newton divided differences on doubled nodes); returns value and derivative. */
function hermite(window: readonly EphemerisSample[], t: number, k: number): [number, number] {
  const m = window.length * 2;
  const z = new Float64Array(m);
  const q = new Float64Array(m);
  const origin = window[0]?.tSeconds ?? 0;
  window.forEach((s, i) => {
    z[2 * i] = s.tSeconds - origin;
    z[2 * i + 1] = s.tSeconds - origin;
    q[2 * i] = s.positionKm[k] ?? 0;
    q[2 * i + 1] = s.positionKm[k] ?? 0;
  });
  // coef[j] = f[z0..zj], built column by column in place.
  const coef = Float64Array.from(q);
  for (let level = 1; level < m; level++) {
    for (let i = m - 1; i >= level; i--) {
      const dz = (z[i] ?? 0) - (z[i - level] ?? 0);
      if (dz === 0) {
        // Repeated node: the first divided difference is the derivative.
        coef[i] = window[i >> 1]?.velocityKmS[k] ?? 0;
      } else {
        coef[i] = ((coef[i] ?? 0) - (coef[i - 1] ?? 0)) / dz;
      }
    }
  }
  // Evaluate the Newton form and its derivative by Horner's scheme.
  const x = t - origin;
  let p = coef[m - 1] ?? 0;
  let dp = 0;
  for (let i = m - 2; i >= 0; i--) {
    dp = dp * (x - (z[i] ?? 0)) + p;
    p = p * (x - (z[i] ?? 0)) + (coef[i] ?? 0);
  }
  return [p, dp];
}
