import { EARTH_RADIUS_KM, J2_EARTH, MU_EARTH_KM3_S2 } from './two-body-constants.js';

/**
 * Acceleration (km/s²) of central gravity plus the J2 zonal term at a position (km) in an Earth-centred inertial
 * frame whose z axis is the Earth's rotation axis (TEME and TOD are, to arcseconds).
 */
export function j2Acceleration(x: number, y: number, z: number, out: Float64Array, o = 0): void {
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const mur3 = MU_EARTH_KM3_S2 / (r2 * r);
  const k = (1.5 * J2_EARTH * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / r2;
  const zz = (5 * z * z) / r2;
  out[o] = -mur3 * x * (1 + k * (1 - zz));
  out[o + 1] = -mur3 * y * (1 + k * (1 - zz));
  out[o + 2] = -mur3 * z * (1 + k * (3 - zz));
}

/**
 * Cowell propagation (classical 4th-order Runge-Kutta, fixed steps of at most `maxStepS`) under central gravity
 * and J2: `state` (km, km/s, six values) is advanced in place by `dtS` seconds (negative goes back in time).
 * Used to extend an ephemeris table by minutes, where drag and higher harmonics move the state by metres.
 */
export function propagateJ2(state: Float64Array, dtS: number, maxStepS = 10): void {
  const steps = Math.max(1, Math.ceil(Math.abs(dtS) / maxStepS));
  const h = dtS / steps;
  const k = new Float64Array(24);
  const y = new Float64Array(6);
  const a = new Float64Array(3);
  const derivative = (s: Float64Array, into: number) => {
    j2Acceleration(s[0] as number, s[1] as number, s[2] as number, a);
    k[into] = s[3] as number;
    k[into + 1] = s[4] as number;
    k[into + 2] = s[5] as number;
    k[into + 3] = a[0] as number;
    k[into + 4] = a[1] as number;
    k[into + 5] = a[2] as number;
  };
  for (let step = 0; step < steps; step++) {
    derivative(state, 0);
    for (let c = 0; c < 6; c++) y[c] = (state[c] as number) + 0.5 * h * (k[c] as number);
    derivative(y, 6);
    for (let c = 0; c < 6; c++) y[c] = (state[c] as number) + 0.5 * h * (k[6 + c] as number);
    derivative(y, 12);
    for (let c = 0; c < 6; c++) y[c] = (state[c] as number) + h * (k[12 + c] as number);
    derivative(y, 18);
    for (let c = 0; c < 6; c++)
      state[c] =
        (state[c] as number) +
        (h / 6) *
          ((k[c] as number) + 2 * (k[6 + c] as number) + 2 * (k[12 + c] as number) + (k[18 + c] as number));
  }
}
