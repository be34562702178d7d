import type { SatRec } from 'satellite.js';

/** WGS-72 values satellite.js's SGP4 uses (constants.js): Earth radius km, J2, minutes per time unit (1/xke). */
const EARTH_RADIUS_KM = 6378.135;
const J2 = 0.001082616;
const XKE = 60 / Math.sqrt((EARTH_RADIUS_KM * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 398600.8);
/** Rounding and the WASM/scalar SGP4 difference (≈ 0.2 m) are far below this, km. */
const MARGIN_KM = 1;

/** Range of a·x over x in [lo, hi]. */
function scaled(a: number, lo: number, hi: number): [number, number] {
  const p = a * lo;
  const q = a * hi;
  return p < q ? [p, q] : [q, p];
}

/** Range of t^k over t in [t0, t1] (t0 ≤ t1, either sign). */
function power(t0: number, t1: number, k: number): [number, number] {
  const a = t0 ** k;
  const b = t1 ** k;
  if (k % 2 === 1) return [a, b];
  return t0 <= 0 && t1 >= 0 ? [0, Math.max(a, b)] : [Math.min(a, b), Math.max(a, b)];
}

/**
 * Bounds of the geocentric distance SGP4 (near-Earth branch) can give for `satrec` at any time in
 * [t0Min, t1Min] (minutes since its epoch), km, derived from SGP4's own formulas (satellite.js `sgp4`):
 *
 *   a(t)   = (xke/n₀)^(2/3)·tempa²,  tempa = 1 − C1·t − D2·t² − D3·t³ − D4·t⁴
 *   e(t)   = e₀ − B*·C4·t − B*·C5·(sin M − sin M₀)
 *   e_l    ≤ e + |aycof|/(a(1 − e²))           (long-period J3 terms, axnl/aynl)
 *   r_l    = a(1 − e_l cos E) ∈ [a(1 − e_l), a(1 + e_l)]
 *   r      = r_l·(1 − 1.5·k₂/p²·β·con41) + 0.5·k₂/p·(1 − cos²i)·cos 2u,   k₂ = J2/2, p = a(1 − e_l²)
 *
 * each factor bounded over the interval by interval arithmetic (every polynomial term separately), then
 * widened by 1 km. Undefined for deep-space records (SDP4: lunar-solar terms not bounded here) and
 * records whose bounds leave the physical range. The perigee/apogee shell padding of `orbitEnvelope` is a
 * coarser, element-only bound (about ±84 km for the ISS where this gives about ±12 km).
 */
export function sgp4RadialBoundsKm(
  satrec: SatRec,
  t0Min: number,
  t1Min: number,
): { readonly minKm: number; readonly maxKm: number } | undefined {
  if (satrec.method !== 'n' || !(t1Min >= t0Min)) return undefined;
  // tempa over the interval.
  let tLo = 1;
  let tHi = 1;
  const terms: [number, number][] = [scaled(-satrec.cc1, ...power(t0Min, t1Min, 1))];
  if (satrec.isimp !== 1) {
    terms.push(scaled(-satrec.d2, ...power(t0Min, t1Min, 2)));
    terms.push(scaled(-satrec.d3, ...power(t0Min, t1Min, 3)));
    terms.push(scaled(-satrec.d4, ...power(t0Min, t1Min, 4)));
  }
  for (const [lo, hi] of terms) {
    tLo += lo;
    tHi += hi;
  }
  if (!(tLo > 0)) return undefined;
  const a0 = (XKE / satrec.no) ** (2 / 3);
  const aMin = a0 * tLo * tLo;
  const aMax = a0 * tHi * tHi;
  // Eccentricity: secular drag term over the interval, periodic C5 term by its amplitude.
  // Only the largest eccentricity matters: r_min = a_min(1 − e_max), r_max = a_max(1 + e_max).
  let eHi = satrec.ecco + (scaled(-satrec.bstar * satrec.cc4, ...power(t0Min, t1Min, 1))[1] as number);
  if (satrec.isimp !== 1) eHi += Math.abs(satrec.bstar * satrec.cc5) * (1 + Math.abs(satrec.sinmao));
  eHi = Math.max(eHi, 1e-6);
  if (!(eHi < 0.9)) return undefined;
  const long = Math.abs(satrec.aycof) / (aMin * (1 - eHi * eHi));
  const elMax = eHi + long;
  if (!(elMax < 0.9)) return undefined;
  const pMin = aMin * (1 - elMax * elMax);
  const k1Max = (0.5 * J2) / pMin;
  const k2Max = k1Max / pMin;
  const factor = 1.5 * k2Max * Math.abs(satrec.con41);
  const spread = 0.5 * k1Max * Math.abs(satrec.x1mth2);
  const rMin = aMin * (1 - elMax) * (1 - factor) - spread;
  const rMax = aMax * (1 + elMax) * (1 + factor) + spread;
  if (!(rMin > 0) || !Number.isFinite(rMax)) return undefined;
  return { minKm: rMin * EARTH_RADIUS_KM - MARGIN_KM, maxKm: rMax * EARTH_RADIUS_KM + MARGIN_KM };
}
