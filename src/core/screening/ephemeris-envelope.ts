import type { EphemerisStateSource } from './ephemeris-states.js';
import { knotGapFor, MU_KM3_S2, type OrbitEnvelope } from './orbit-envelope.js';

/** Spacing of the states the envelope is measured on, s (at most; halved sample spacing when finer). */
const ENVELOPE_STEP_S = 30;
/** Margin added to the measured shell, km (covers the sampled maxima of speed and acceleration being low). */
const SHELL_MARGIN_KM = 1;

/**
 * Envelope of a tabulated object over [startUnixMs, endUnixMs], from its exact (interpolated) states every
 * δ ≤ 30 s: radial shell = sampled min/max radius padded by the sagitta bound (v²/r + a)·δ²/8 plus 1 km, speed and
 * acceleration bounds = sampled maxima (acceleration from the velocity differences and μ/r², whichever is larger:
 * thrust arcs in the table count), padded like the SGP4 envelope (+2 %, +10 %). Knot gap from the largest sampled
 * angular rate |r × v|/r², as for element sets. Undefined when a state is missing (outside coverage).
 */
export function ephemerisEnvelope(
  source: EphemerisStateSource,
  startUnixMs: number,
  endUnixMs: number,
  minSampleSpacingS: number,
): OrbitEnvelope | undefined {
  const stepS = Math.min(ENVELOPE_STEP_S, Math.max(minSampleSpacingS / 2, 1));
  const count = Math.max(2, Math.ceil((endUnixMs - startUnixMs) / (stepS * 1000)) + 1);
  const dtS = (endUnixMs - startUnixMs) / 1000 / (count - 1);
  const s = new Float64Array(6);
  let rMin = Number.POSITIVE_INFINITY;
  let rMax = 0;
  let vMax = 0;
  let aMax = 0;
  let rateMax = 0;
  let semiMajorAxisKm = 0;
  let pvx = 0;
  let pvy = 0;
  let pvz = 0;
  for (let k = 0; k < count; k++) {
    const t = k === count - 1 ? endUnixMs : startUnixMs + k * dtS * 1000;
    if (source.stateAt(t, s, 0) !== 0) return undefined;
    const [x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0] = s;
    const r2 = x * x + y * y + z * z;
    const r = Math.sqrt(r2);
    const v2 = vx * vx + vy * vy + vz * vz;
    rMin = Math.min(rMin, r);
    rMax = Math.max(rMax, r);
    vMax = Math.max(vMax, Math.sqrt(v2));
    aMax = Math.max(aMax, MU_KM3_S2 / r2);
    const hx = y * vz - z * vy;
    const hy = z * vx - x * vz;
    const hz = x * vy - y * vx;
    rateMax = Math.max(rateMax, Math.sqrt(hx * hx + hy * hy + hz * hz) / r2);
    if (k === 0) semiMajorAxisKm = 1 / (2 / r - v2 / MU_KM3_S2);
    else aMax = Math.max(aMax, Math.hypot(vx - pvx, vy - pvy, vz - pvz) / dtS);
    pvx = vx;
    pvy = vy;
    pvz = vz;
  }
  const sagittaKm = ((vMax * vMax) / rMin + aMax) * ((dtS * dtS) / 8);
  const periodS =
    semiMajorAxisKm > 0
      ? 2 * Math.PI * Math.sqrt((semiMajorAxisKm * semiMajorAxisKm * semiMajorAxisKm) / MU_KM3_S2)
      : (endUnixMs - startUnixMs) / 1000;
  return {
    perigeeRadiusKm: rMin,
    apogeeRadiusKm: rMax,
    shellPaddingKm: sagittaKm + SHELL_MARGIN_KM,
    periodS,
    maxSpeedKmS: 1.02 * (vMax + (aMax * dtS) / 2),
    maxAccelKmS2: 1.1 * aMax,
    knotGapS: knotGapFor(rateMax, periodS),
    sgp4Stride: 1,
  };
}
