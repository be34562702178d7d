/**
 * Special functions for Gaussian probabilities, accurate to ~1e-15 relative over the whole double range
 * (collision probabilities down to 1e-300 must keep their leading digits).
 *
 * erfc: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631-637
 * (the published coefficient sets of SPECFUN CALERF), with Cody's split of exp(-x^2) so the exponential keeps
 * full relative precision for large x.
 */

const INV_SQRT_PI = 0.5641895835477563;

// Coefficients of Cody (1969), three intervals: [0, 0.46875], (0.46875, 4], (4, inf).
const A0 = 3.1611237438705655;
const A1 = 113.86415415105016;
const A2 = 377.485237685302;
const A3 = 3209.3775891384694;
const A4 = 0.18577770618460315;
const B0 = 23.601290952344122;
const B1 = 244.02463793444417;
const B2 = 1282.6165260773723;
const B3 = 2844.236833439171;
const C = [
  0.5641884969886701, 8.883149794388375, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
] as const;
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037493,
] as const;
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.01608378514874228, 0.0006587491615298378,
  0.016315387137302097,
] as const;
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
] as const;

/** erf(x) for |x| <= 0.46875. */
function erfSmall(x: number): number {
  const t = x * x;
  const num = (((A4 * t + A0) * t + A1) * t + A2) * t + A3;
  const den = (((t + B0) * t + B1) * t + B2) * t + B3;
  return (x * num) / den;
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  let ratio: number;
  if (y <= 4) {
    const num =
      (((((((C[8] * y + C[0]) * y + C[1]) * y + C[2]) * y + C[3]) * y + C[4]) * y + C[5]) * y + C[6]) * y +
      C[7];
    const den =
      (((((((y + D[0]) * y + D[1]) * y + D[2]) * y + D[3]) * y + D[4]) * y + D[5]) * y + D[6]) * y + D[7];
    ratio = num / den;
  } else {
    if (y >= 26.7) return 0; // below the smallest double
    const t = 1 / (y * y);
    const num = ((((P[5] * t + P[0]) * t + P[1]) * t + P[2]) * t + P[3]) * t + P[4];
    const den = ((((t + Q[0]) * t + Q[1]) * t + Q[2]) * t + Q[3]) * t + Q[4];
    ratio = (INV_SQRT_PI - (t * num) / den) / y;
  }
  // exp(-y^2) = exp(-ysq^2) * exp(-(y-ysq)(y+ysq)) with ysq a multiple of 1/16: no cancellation in y^2.
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del) * ratio;
}

/** Complementary error function erfc(x) = 1 - erf(x), full relative precision for x > 0. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const value = erfcLarge(y);
  return x < 0 ? 2 - value : value;
}

/** Error function. */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const value = 1 - erfcLarge(y);
  return x < 0 ? -value : value;
}

/**
 * erf(a) - erf(b) for a >= b without cancellation: when both arguments lie in the same tail the difference is
 * taken between the (tiny, accurate) complementary functions.
 */
export function erfDifference(a: number, b: number): number {
  if (b >= 0) return erfc(b) - erfc(a);
  if (a <= 0) return erfc(-a) - erfc(-b);
  return erf(a) - erf(b);
}

/** Inverse of erfc on (0, 2) by Newton iteration (used for a few constants, not in hot loops). */
export function erfcInverse(p: number): number {
  if (!(p > 0 && p < 2)) return Number.NaN;
  // Start from a crude tail approximation, then Newton on erfc(x) - p (derivative -2/sqrt(pi) exp(-x^2)).
  let x = p < 1 ? Math.sqrt(-Math.log(p * Math.sqrt(Math.PI) * 0.5 + Number.MIN_VALUE)) * 0.9 : 0;
  if (p >= 1) x = -erfcInverse(2 - p);
  if (p >= 1) return x;
  for (let i = 0; i < 100; i++) {
    const f = erfc(x) - p;
    const df = -2 * INV_SQRT_PI * Math.exp(-x * x);
    const step = f / df;
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Standard normal quantile (inverse CDF) for probability q in (0, 1). */
export function normalQuantile(q: number): number {
  return -Math.SQRT2 * erfcInverse(2 * q);
}
