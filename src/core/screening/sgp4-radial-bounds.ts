import { constants, type SatRec } from 'satellite.js';
import type { ElementSet } from '../orbits/element-set.js';

// The WGS-72 values satellite.js's SGP4 itself uses, so the coefficients below are its own.
const { earthRadius: EARTH_RADIUS_KM, j2: J2, j3oj2: J3OJ2, xke: XKE } = constants;
const DEG = Math.PI / 180;

/** The SGP4 record fields the radial bounds read. */
export type RadialTerms = Pick<
  SatRec,
  | 'method'
  | 'isimp'
  | 'no'
  | 'ecco'
  | 'bstar'
  | 'cc1'
  | 'cc4'
  | 'cc5'
  | 'd2'
  | 'd3'
  | 'd4'
  | 'sinmao'
  | 'aycof'
  | 'con41'
  | 'x1mth2'
>;

/**
 * The fields of `RadialTerms` computed from the mean elements as satellite.js's `sgp4init`/`initl` compute
 * them (near-Earth branch, WGS-72), without building the record: about a microsecond per element set, so
 * the shell filter can test a whole catalog. Checked field by field against satellite.js's records in the
 * tests. Undefined when SGP4 would refuse the elements (eccentricity outside [0, 1), mean motion ≤ 0).
 */
export function radialTermsOf(es: ElementSet): RadialTerms | undefined {
  const ecco = es.eccentricity;
  const noKozai = (es.meanMotionRevPerDay * 2 * Math.PI) / 1440;
  if (!(ecco >= 0 && ecco < 1) || !(noKozai > 0)) return undefined;
  const inclo = es.inclinationDeg * DEG;
  const argpo = es.argOfPericenterDeg * DEG;
  const mo = es.meanAnomalyDeg * DEG;
  const bstar = es.bstarPerEarthRadii;
  // initl: un-Kozai the mean motion.
  const eccsq = ecco * ecco;
  const omeosq = 1 - eccsq;
  const rteosq = Math.sqrt(omeosq);
  const cosio = Math.cos(inclo);
  const cosio2 = cosio * cosio;
  const ak = (XKE / noKozai) ** (2 / 3);
  const d1 = (0.75 * J2 * (3 * cosio2 - 1)) / (rteosq * omeosq);
  let delPrime = d1 / (ak * ak);
  const adel = ak * (1 - delPrime * delPrime - delPrime * (1 / 3 + (134 * delPrime * delPrime) / 81));
  delPrime = d1 / (adel * adel);
  const no = noKozai / (1 + delPrime);
  const ao = (XKE / no) ** (2 / 3);
  const sinio = Math.sin(inclo);
  const con41 = -(1 - 5 * cosio2) - cosio2 - cosio2;
  const rp = ao * (1 - ecco);
  const method = (2 * Math.PI) / no >= 225 ? 'd' : 'n';
  // sgp4init: drag coefficients.
  let isimp = rp < 220 / EARTH_RADIUS_KM + 1 ? 1 : 0;
  if (method === 'd') isimp = 1;
  let sfour = 78 / EARTH_RADIUS_KM + 1;
  let qzms24 = ((120 - 78) / EARTH_RADIUS_KM) ** 4;
  const perige = (rp - 1) * EARTH_RADIUS_KM;
  if (perige < 156) {
    sfour = perige < 98 ? 20 : perige - 78;
    qzms24 = ((120 - sfour) / EARTH_RADIUS_KM) ** 4;
    sfour = sfour / EARTH_RADIUS_KM + 1;
  }
  const tsi = 1 / (ao - sfour);
  const eta = ao * ecco * tsi;
  const etasq = eta * eta;
  const eeta = ecco * eta;
  const psisq = Math.abs(1 - etasq);
  const coef = qzms24 * tsi ** 4;
  const coef1 = coef / psisq ** 3.5;
  const cc2 =
    coef1 *
    no *
    (ao * (1 + 1.5 * etasq + eeta * (4 + etasq)) +
      ((0.375 * J2 * tsi) / psisq) * con41 * (8 + 3 * etasq * (8 + etasq)));
  const cc1 = bstar * cc2;
  const x1mth2 = 1 - cosio2;
  const cc4 =
    2 *
    no *
    coef1 *
    ao *
    omeosq *
    (eta * (2 + 0.5 * etasq) +
      ecco * (0.5 + 2 * etasq) -
      ((J2 * tsi) / (ao * psisq)) *
        (-3 * con41 * (1 - 2 * eeta + etasq * (1.5 - 0.5 * eeta)) +
          0.75 * x1mth2 * (2 * etasq - eeta * (1 + etasq)) * Math.cos(2 * argpo)));
  const cc5 = 2 * coef1 * ao * omeosq * (1 + 2.75 * (etasq + eeta) + eeta * etasq);
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  if (isimp !== 1) {
    const cc1sq = cc1 * cc1;
    d2 = 4 * ao * tsi * cc1sq;
    const temp = (d2 * tsi * cc1) / 3;
    d3 = (17 * ao + sfour) * temp;
    d4 = 0.5 * temp * ao * tsi * (221 * ao + 31 * sfour) * cc1;
  }
  return {
    method,
    isimp,
    no,
    ecco,
    bstar,
    cc1,
    cc4,
    cc5,
    d2,
    d3,
    d4,
    sinmao: Math.sin(mo),
    aycof: -0.5 * J3OJ2 * sinio,
    con41,
    x1mth2,
  };
}
/** Rounding and the WASM/scalar SGP4 difference (≈ 0.2 m) are far below this, km. */
const MARGIN_KM = 1;

/** Lower and upper bounds of c·t^k over t in [t0, t1] (t0 ≤ t1, either sign), as [low, high] into `out`. */
function termRange(c: number, t0: number, t1: number, k: number, out: Float64Array): void {
  const a = t0 ** k;
  const b = t1 ** k;
  let lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (k % 2 === 0 && t0 <= 0 && t1 >= 0) lo = 0;
  const p = c * lo;
  const q = c * hi;
  out[0] = Math.min(p, q);
  out[1] = Math.max(p, q);
}

const scratch = new Float64Array(2);

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
  satrec: RadialTerms,
  t0Min: number,
  t1Min: number,
): { readonly minKm: number; readonly maxKm: number } | undefined {
  if (satrec.method !== 'n' || !(t1Min >= t0Min)) return undefined;
  // tempa over the interval, term by term.
  let tLo = 1;
  let tHi = 1;
  const coefficients = satrec.isimp !== 1 ? 4 : 1;
  for (let k = 1; k <= coefficients; k++) {
    const c = k === 1 ? satrec.cc1 : k === 2 ? satrec.d2 : k === 3 ? satrec.d3 : satrec.d4;
    termRange(-c, t0Min, t1Min, k, scratch);
    tLo += scratch[0] as number;
    tHi += scratch[1] as number;
  }
  if (!(tLo > 0)) return undefined;
  const a0 = (XKE / satrec.no) ** (2 / 3);
  const aMin = a0 * tLo * tLo;
  const aMax = a0 * tHi * tHi;
  // Eccentricity: secular drag term over the interval, periodic C5 term by its amplitude.
  // Only the largest eccentricity matters: r_min = a_min(1 − e_max), r_max = a_max(1 + e_max).
  termRange(-satrec.bstar * satrec.cc4, t0Min, t1Min, 1, scratch);
  let eHi = satrec.ecco + (scratch[1] as number);
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
