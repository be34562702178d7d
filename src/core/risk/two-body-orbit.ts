/** Earth gravitational parameter (m^3/s^2, EGM-96/WGS-84 value, as CARA's two-body tools). */
export const EARTH_MU_M3_S2 = 3.986004418e14;

const TWO_PI = 2 * Math.PI;

/**
 * Exact two-body (Kepler) propagation of one elliptic orbit with Lagrange f and g functions in the
 * eccentric-anomaly difference (Vallado, Algorithm 8 in dE form): no linearisation, no series truncation.
 * Mutable and allocation-free so that a Monte Carlo can re-use one instance per object for millions of samples:
 * `setState` loads an initial state (m, m/s, inertial), `propagate(dt)` writes the state dt seconds later into
 * the public fields. Only elliptic orbits (negative energy); `setState` returns false otherwise.
 */
export class TwoBodyOrbit {
  /** Propagated position (m) and velocity (m/s), inertial frame of the initial state. */
  x = 0;
  y = 0;
  z = 0;
  vx = 0;
  vy = 0;
  vz = 0;

  private x0 = 0;
  private y0 = 0;
  private z0 = 0;
  private vx0 = 0;
  private vy0 = 0;
  private vz0 = 0;
  private r0 = 0;
  /** Semi-major axis (m). */
  semiMajorAxisM = 0;
  /** Mean motion (rad/s). */
  meanMotionRadS = 0;
  /** Orbital period (s). */
  periodS = 0;
  /** e sin E0 and e cos E0 at the initial state (dimensionless). */
  private eSinE0 = 0;
  private eCosE0 = 0;
  private e = 0;
  private eccentricAnomaly0 = 0;
  private sqrtMuA = 0;

  constructor(private readonly muM3S2: number = EARTH_MU_M3_S2) {}

  /** Loads an initial state (m, m/s) from `state[offset..offset+5]`. False when the orbit is not elliptic. */
  setState(state: Float64Array, offset = 0): boolean {
    const x = state[offset] ?? 0;
    const y = state[offset + 1] ?? 0;
    const z = state[offset + 2] ?? 0;
    const vx = state[offset + 3] ?? 0;
    const vy = state[offset + 4] ?? 0;
    const vz = state[offset + 5] ?? 0;
    return this.setStateComponents(x, y, z, vx, vy, vz);
  }

  setStateComponents(x: number, y: number, z: number, vx: number, vy: number, vz: number): boolean {
    const mu = this.muM3S2;
    const r0 = Math.sqrt(x * x + y * y + z * z);
    const v2 = vx * vx + vy * vy + vz * vz;
    const inverseA = 2 / r0 - v2 / mu;
    if (!(inverseA > 0) || !Number.isFinite(inverseA)) return false;
    const a = 1 / inverseA;
    this.x0 = x;
    this.y0 = y;
    this.z0 = z;
    this.vx0 = vx;
    this.vy0 = vy;
    this.vz0 = vz;
    this.r0 = r0;
    this.semiMajorAxisM = a;
    this.meanMotionRadS = Math.sqrt(mu * inverseA * inverseA * inverseA);
    this.periodS = TWO_PI / this.meanMotionRadS;
    this.sqrtMuA = Math.sqrt(mu * a);
    this.eSinE0 = (x * vx + y * vy + z * vz) / this.sqrtMuA;
    this.eCosE0 = 1 - r0 * inverseA;
    this.e = Math.hypot(this.eSinE0, this.eCosE0);
    this.eccentricAnomaly0 = Math.atan2(this.eSinE0, this.eCosE0);
    return true;
  }

  /** Writes the state `dtS` seconds after the initial state into x..vz. */
  propagate(dtS: number): void {
    // Two-body motion is periodic: fold dt into one period around zero (keeps Kepler's equation well posed).
    const period = this.periodS;
    const dt = dtS - period * Math.round(dtS / period);
    const meanAnomalyChange = this.meanMotionRadS * dt;
    const e = this.e;
    // Solve Kepler's equation for the final eccentric anomaly, then take the difference.
    let m1 = this.eccentricAnomaly0 - this.eSinE0 + meanAnomalyChange;
    m1 -= TWO_PI * Math.round(m1 / TWO_PI);
    // Starting values after Danby: Newton then converges monotonically for every e < 1.
    let ecc = e < 0.8 ? m1 + e * Math.sin(m1) : m1 >= 0 ? Math.PI : -Math.PI;
    for (let i = 0; i < 50; i++) {
      const s = Math.sin(ecc);
      const c = Math.cos(ecc);
      const delta = (ecc - e * s - m1) / (1 - e * c);
      ecc -= delta;
      if (Math.abs(delta) < 1e-15 * Math.max(1, Math.abs(ecc))) break;
    }
    let dE = ecc - this.eccentricAnomaly0;
    dE -= TWO_PI * Math.round((dE - meanAnomalyChange) / TWO_PI);
    const sinD = Math.sin(dE);
    const halfSin = Math.sin(0.5 * dE);
    const oneMinusCos = 2 * halfSin * halfSin;
    const a = this.semiMajorAxisM;
    const r = a * (1 - this.eCosE0 * Math.cos(dE) + this.eSinE0 * sinD);
    const f = 1 - (a / this.r0) * oneMinusCos;
    const g = dt - (dE - sinD) / this.meanMotionRadS;
    const fDot = (-this.sqrtMuA / (r * this.r0)) * sinD;
    const gDot = 1 - (a / r) * oneMinusCos;
    this.x = f * this.x0 + g * this.vx0;
    this.y = f * this.y0 + g * this.vy0;
    this.z = f * this.z0 + g * this.vz0;
    this.vx = fDot * this.x0 + gDot * this.vx0;
    this.vy = fDot * this.y0 + gDot * this.vy0;
    this.vz = fDot * this.z0 + gDot * this.vz0;
  }
}
