/**
 * Cubic Hermite interpolation of a state between two knots that carry position (km) and velocity (km/s).
 * Knot layout: six Float64 values per knot, `[x, y, z, vx, vy, vz]`, consecutive knots adjacent.
 * The error of this interpolant is not assumed: the screening measures it per object and pads with it.
 */

/**
 * State at fraction `tau` (0..1) of the knot interval starting at `knots[base]`, knot gap `gapS` seconds.
 * Writes position (km) to `out[o..o+2]` and velocity (km/s) to `out[o+3..o+5]`.
 */
export function hermiteState(
  knots: Float64Array,
  base: number,
  tau: number,
  gapS: number,
  out: Float64Array,
  o: number,
): void {
  const t2 = tau * tau;
  const t3 = t2 * tau;
  const h00 = 2 * t3 - 3 * t2 + 1;
  const h10 = (t3 - 2 * t2 + tau) * gapS;
  const h01 = -2 * t3 + 3 * t2;
  const h11 = (t3 - t2) * gapS;
  const d00 = (6 * t2 - 6 * tau) / gapS;
  const d10 = 3 * t2 - 4 * tau + 1;
  const d11 = 3 * t2 - 2 * tau;
  for (let c = 0; c < 3; c++) {
    const p0 = knots[base + c] as number;
    const v0 = knots[base + 3 + c] as number;
    const p1 = knots[base + 6 + c] as number;
    const v1 = knots[base + 9 + c] as number;
    out[o + c] = h00 * p0 + h10 * v0 + h01 * p1 + h11 * v1;
    out[o + 3 + c] = d00 * (p0 - p1) + d10 * v0 + d11 * v1;
  }
}
