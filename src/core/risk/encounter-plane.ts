import { add3, cross3, dot3, norm3, scale3, sub3, symmetricEigen2, vec3From } from '../frames/matrix3.js';
import { err, ok, type Result } from '../result.js';

/** Earth gravitational parameter (km^3/s^2, EGM-96/WGS-84), used only for orbital periods in usage checks. */
export const EARTH_MU_KM3_S2 = 398_600.4418;

/**
 * Two objects at (or near) their time of closest approach, in one inertial frame (EME2000/GCRF or TEME).
 * Covariances are 3x3 position covariances in m^2 in that same inertial frame (row-major), or 6x6
 * position/velocity covariances (m, m/s), of which only the position block is used.
 */
export interface ConjunctionStates {
  readonly primaryPositionKm: Float64Array;
  readonly primaryVelocityKmS: Float64Array;
  readonly primaryCovarianceM2: Float64Array;
  readonly secondaryPositionKm: Float64Array;
  readonly secondaryVelocityKmS: Float64Array;
  readonly secondaryCovarianceM2: Float64Array;
}

/**
 * The 2-D short-encounter problem (Foster 1992, Alfano 2005, CARA PcCircle): relative motion is a straight
 * line at constant velocity, so the encounter reduces to the plane normal to the relative velocity.
 * Frame (as CARA): y along the relative velocity, z along r x v, x = y x z (the miss direction).
 * Relative vectors are primary minus secondary (CARA convention; Pc does not depend on the sign).
 */
export interface EncounterPlane {
  /** Offset from the given epoch to the linear-motion TCA (s); the states were moved by it when adjusted. */
  readonly tcaOffsetS: number;
  /** Whether positions were moved to the linear-motion TCA (CARA Pc2D) or used as given (CARA Pc2D_NoAdj). */
  readonly adjustedToLinearTca: boolean;
  /** Relative position (m) at the (adjusted) TCA, inertial frame. */
  readonly relativePositionM: Float64Array;
  /** Relative velocity (m/s), inertial frame. */
  readonly relativeVelocityMS: Float64Array;
  readonly relativeSpeedMS: number;
  /** Miss distance (m): |relative position| at the (adjusted) TCA. */
  readonly missM: number;
  /** Encounter frame axes as unit vectors in the inertial frame. */
  readonly xAxis: Float64Array;
  readonly yAxis: Float64Array;
  readonly zAxis: Float64Array;
  /** Primary and secondary 3x3 position covariances, inertial, m^2 (kept for the usage checks). */
  readonly primaryCovarianceM2: Float64Array;
  readonly secondaryCovarianceM2: Float64Array;
  /** Combined (primary + secondary) 3x3 position covariance, inertial, m^2. */
  readonly combinedCovarianceM2: Float64Array;
  /** Combined covariance projected on the encounter plane (x, z), m^2. */
  readonly planeCovarianceM2: { readonly xx: number; readonly xz: number; readonly zz: number };
  /** Principal standard deviations of the projected covariance (m), major >= minor; minor may be NaN if NPD. */
  readonly sigmaMajorM: number;
  readonly sigmaMinorM: number;
  /** Raw eigenvalues of the projected covariance (m^2), before any remediation. */
  readonly eigenMajorM2: number;
  readonly eigenMinorM2: number;
  /** Angle of the major axis from the x axis towards z (rad). */
  readonly majorAxisAngleRad: number;
  /** Miss vector in the principal axes (m), both non-negative (CARA xm, zm; Orekit xm, ym). */
  readonly missMajorM: number;
  readonly missMinorM: number;
  /** Orbital periods (s) of the two objects from their osculating two-body elements (NaN if unbound). */
  readonly primaryPeriodS: number;
  readonly secondaryPeriodS: number;
}

export type EncounterPlaneCode = 'ZERO_RELATIVE_VELOCITY' | 'NON_FINITE_INPUT' | 'BAD_COVARIANCE_SIZE';

/** 3x3 position block (m^2) of a 3x3 or 6x6 covariance. */
export function positionCovariance(c: Float64Array): Result<Float64Array, 'BAD_COVARIANCE_SIZE'> {
  if (c.length === 9) return ok(c);
  if (c.length === 36) {
    const out = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i * 3 + j] = c[i * 6 + j] ?? 0;
    return ok(out);
  }
  return err('BAD_COVARIANCE_SIZE', `covariance must have 9 (3x3) or 36 (6x6) elements, got ${c.length}`);
}

/** Two-body orbital period (s) from a state in km, km/s; NaN when the orbit is not bound. */
export function orbitalPeriodS(positionKm: Float64Array, velocityKmS: Float64Array): number {
  const r = norm3(vec3From(positionKm));
  const velocity = vec3From(velocityKmS);
  const v2 = dot3(velocity, velocity);
  const energy = v2 / 2 - EARTH_MU_KM3_S2 / r;
  if (!(energy < 0)) return Number.NaN;
  const a = -EARTH_MU_KM3_S2 / (2 * energy);
  return 2 * Math.PI * Math.sqrt((a * a * a) / EARTH_MU_KM3_S2);
}

function allFinite(...arrays: Float64Array[]): boolean {
  for (const a of arrays) for (const x of a) if (!Number.isFinite(x)) return false;
  return true;
}

/**
 * Builds the encounter plane. With `adjustToLinearTca` (default, as CARA's Pc2D_FromCDM with FindNearbyCA) the
 * two positions are first moved along their velocities to the time where the linear relative motion is
 * closest: CDM TCAs are rounded to the millisecond, and without this the out-of-plane part of the relative
 * position inflates the miss distance.
 */
export function buildEncounterPlane(
  states: ConjunctionStates,
  options: { readonly adjustToLinearTca?: boolean } = {},
): Result<EncounterPlane, EncounterPlaneCode> {
  const adjust = options.adjustToLinearTca ?? true;
  const c1 = positionCovariance(states.primaryCovarianceM2);
  if (!c1.ok) return c1;
  const c2 = positionCovariance(states.secondaryCovarianceM2);
  if (!c2.ok) return c2;
  const r1 = scale3(vec3From(states.primaryPositionKm), 1000);
  const v1 = scale3(vec3From(states.primaryVelocityKmS), 1000);
  const r2 = scale3(vec3From(states.secondaryPositionKm), 1000);
  const v2 = scale3(vec3From(states.secondaryVelocityKmS), 1000);
  if (!allFinite(Float64Array.of(...r1, ...v1, ...r2, ...v2), c1.value, c2.value)) {
    return err('NON_FINITE_INPUT', 'a position, velocity or covariance element is not a finite number');
  }
  const v = sub3(v1, v2);
  const speed = norm3(v);
  if (speed === 0) {
    return err('ZERO_RELATIVE_VELOCITY', 'relative velocity is zero: the 2-D encounter plane is undefined');
  }
  let r = sub3(r1, r2);
  const tcaOffsetS = -dot3(r, v) / (speed * speed);
  if (adjust) r = add3(r, scale3(v, tcaOffsetS));
  const missM = norm3(r);

  const y = scale3(v, 1 / speed);
  let h = cross3(r, v);
  // Zero miss (Alfano 2009 cases): any plane normal to v works; take one from the primary's position.
  if (norm3(h) <= 1e-12 * speed * Math.max(missM, 1e-3)) h = cross3(r1, v);
  const z = scale3(h, 1 / norm3(h));
  const x = cross3(y, z);

  const combined = new Float64Array(9);
  for (let i = 0; i < 9; i++) combined[i] = (c1.value[i] ?? 0) + (c2.value[i] ?? 0);
  const quad = (a: readonly number[], b: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) s += (a[i] ?? 0) * (combined[i * 3 + j] ?? 0) * (b[j] ?? 0);
    return s;
  };
  const xx = quad(x, x);
  const xz = quad(x, z);
  const zz = quad(z, z);
  const eig = symmetricEigen2(xx, xz, zz);
  const [ux, uz] = eig.majorAxis;
  // Miss vector in the (x, z) plane; with the TCA adjustment it lies on x.
  const mx = dot3(r, x);
  const mz = dot3(r, z);
  const inPlane = Math.hypot(mx, mz);
  // CARA PcCircle uses |r| (3-D) as the in-plane miss: identical after adjustment, and what Pc2D_NoAdj means.
  const missForPlane = adjust ? inPlane : missM;
  const cosAlong = inPlane > 0 ? Math.abs(mx * ux + mz * uz) / inPlane : Math.abs(ux);
  const cosAcross = inPlane > 0 ? Math.abs(-mx * uz + mz * ux) / inPlane : Math.abs(uz);
  return ok({
    tcaOffsetS,
    adjustedToLinearTca: adjust,
    relativePositionM: Float64Array.from(r),
    relativeVelocityMS: Float64Array.from(v),
    relativeSpeedMS: speed,
    missM,
    xAxis: Float64Array.from(x),
    yAxis: Float64Array.from(y),
    zAxis: Float64Array.from(z),
    primaryCovarianceM2: c1.value,
    secondaryCovarianceM2: c2.value,
    combinedCovarianceM2: combined,
    planeCovarianceM2: { xx, xz, zz },
    sigmaMajorM: Math.sqrt(eig.major),
    sigmaMinorM: Math.sqrt(eig.minor),
    eigenMajorM2: eig.major,
    eigenMinorM2: eig.minor,
    majorAxisAngleRad: Math.atan2(uz, ux),
    missMajorM: missForPlane * cosAlong,
    missMinorM: missForPlane * cosAcross,
    primaryPeriodS: orbitalPeriodS(states.primaryPositionKm, states.primaryVelocityKmS),
    secondaryPeriodS: orbitalPeriodS(states.secondaryPositionKm, states.secondaryVelocityKmS),
  });
}
