import { err, ok, type Result } from '../result.js';
import { hohmannTransfer, orbitalPeriodS } from './hohmann.js';
import { DEG, EARTH_RADIUS_KM, J2_EARTH, MU_EARTH_KM3_S2 } from './two-body-constants.js';

/**
 * Launch-to-docking timeline of a ground-launched chaser, from the geometry at orbit insertion (rescue basis
 * §6.5): phase angle of the target ahead of the chaser, catch-up rate from the two J2-secular mean motions,
 * coast on the phasing orbit, Hohmann raise to the target, then final approach. Circular-orbit model: the
 * insertion and target orbits are taken at their semi-major axes (ISS/Tiangong e < 0.001).
 */

/** WGS-84 first eccentricity squared, for geodetic → geocentric site latitude. */
const WGS84_E2 = 0.00669437999014;

const wrap360 = (deg: number) => ((deg % 360) + 360) % 360;

/**
 * Secular rate of the mean argument of latitude u = ω + M under J2, rad/s:
 * du/dt = n [1 + (3/4) J2 (R⊕/p)² (√(1−e²)(2 − 3 sin²i) + (4 − 5 sin²i))] (Vallado 4th ed. §9.6).
 * At 51.6 deg the J2 term adds 7.8e-4 of n; it changes the catch-up rate by about 0.1 % and the target's
 * position over a day of phasing by several degrees, so it is kept.
 */
export function argumentOfLatitudeRateRadS(
  aKm: number,
  eccentricity: number,
  inclinationDeg: number,
): number {
  const n = Math.sqrt(MU_EARTH_KM3_S2 / aKm ** 3);
  const p = aKm * (1 - eccentricity ** 2);
  const s2 = Math.sin(inclinationDeg * DEG) ** 2;
  const k = 0.75 * J2_EARTH * (EARTH_RADIUS_KM / p) ** 2;
  return n * (1 + k * (Math.sqrt(1 - eccentricity ** 2) * (2 - 3 * s2) + (4 - 5 * s2)));
}

/** Orbit plane and in-plane angle of a TEME state (true-of-date equator). */
export interface StateArgumentOfLatitude {
  /** Angle from the ascending node to the position, deg in [0, 360). */
  readonly argumentOfLatitudeDeg: number;
  readonly raanDeg: number;
  readonly inclinationDeg: number;
}

/** Argument of latitude, RAAN and inclination of a position/velocity (km, km/s), from h = r × v. */
export function argumentOfLatitudeFromState(
  positionKm: readonly [number, number, number],
  velocityKmS: readonly [number, number, number],
): StateArgumentOfLatitude {
  const [x, y, z] = positionKm;
  const [vx, vy, vz] = velocityKmS;
  const hx = y * vz - z * vy;
  const hy = z * vx - x * vz;
  const hz = x * vy - y * vx;
  const h = Math.hypot(hx, hy, hz);
  const inclinationDeg = Math.acos(hz / h) / DEG;
  const raanDeg = wrap360(Math.atan2(hx, -hy) / DEG);
  const plane = planeAxes(raanDeg, inclinationDeg);
  const u = Math.atan2(dot(positionKm, plane.inPlaneY), dot(positionKm, plane.node)) / DEG;
  return { argumentOfLatitudeDeg: wrap360(u), raanDeg, inclinationDeg };
}

type Vec3 = readonly [number, number, number];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Unit vectors of a plane: node direction, in-plane 90 deg ahead of the node, orbit normal. */
function planeAxes(raanDeg: number, inclinationDeg: number): { node: Vec3; inPlaneY: Vec3; normal: Vec3 } {
  const o = raanDeg * DEG;
  const i = inclinationDeg * DEG;
  return {
    node: [Math.cos(o), Math.sin(o), 0],
    inPlaneY: [-Math.cos(i) * Math.sin(o), Math.cos(i) * Math.cos(o), Math.sin(i)],
    normal: [Math.sin(i) * Math.sin(o), -Math.sin(i) * Math.cos(o), Math.cos(i)],
  };
}

/**
 * Where a launch site is relative to an orbit plane at a given sidereal angle: its argument of latitude in the
 * plane and its angular distance from the plane (0 at an in-plane launch window). `gmstDeg` is the Greenwich
 * sidereal angle at the instant (see `gmstDeg` in launch-window.ts); latitude is geodetic (WGS-84) and
 * converted to geocentric, the plane is the target's RAAN/inclination at that instant (TEME).
 */
export function siteInPlane(
  site: { readonly latitudeDeg: number; readonly longitudeDeg: number },
  gmstDeg: number,
  plane: { readonly raanDeg: number; readonly inclinationDeg: number },
): { argumentOfLatitudeDeg: number; outOfPlaneDeg: number } {
  const psi = Math.atan((1 - WGS84_E2) * Math.tan(site.latitudeDeg * DEG));
  const lon = (gmstDeg + site.longitudeDeg) * DEG;
  const s: Vec3 = [Math.cos(psi) * Math.cos(lon), Math.cos(psi) * Math.sin(lon), Math.sin(psi)];
  const axes = planeAxes(plane.raanDeg, plane.inclinationDeg);
  return {
    argumentOfLatitudeDeg: wrap360(Math.atan2(dot(s, axes.inPlaneY), dot(s, axes.node)) / DEG),
    outOfPlaneDeg: Math.asin(Math.max(-1, Math.min(1, dot(s, axes.normal)))) / DEG,
  };
}

/** Insertion orbit of the chaser, altitudes above R⊕ = 6378.137 km. */
export interface InsertionOrbit {
  readonly perigeeAltitudeKm: number;
  readonly apogeeAltitudeKm: number;
}

/**
 * Phasing strategy.
 * - `fast`: N-orbit scheme: docking at the end of the N-th insertion-orbit revolution after insertion (fixed
 *   duration: ascent + N periods). Within it: coast on the insertion orbit while the phase closes, Hohmann
 *   raise, final approach. Possible only when the insertion phase angle is inside the scheme's window (the
 *   phases closed with zero coast up to the longest coast that still leaves the final approach).
 * - `multi-revolution`: coast on a phasing orbit (`phasingAltitudeKm`, default the insertion orbit) as long as
 *   the phase needs (up to one synodic period), then Hohmann to the target and final approach.
 */
export type PhasingStrategy =
  | { readonly kind: 'fast'; readonly revolutions: number }
  | { readonly kind: 'multi-revolution'; readonly phasingAltitudeKm?: number };

export interface RendezvousTimelineInput {
  /** Target semi-major axis (mean altitude + R⊕), km. */
  readonly targetSemiMajorAxisKm: number;
  readonly targetInclinationDeg: number;
  readonly insertion: InsertionOrbit;
  /**
   * Target's argument of latitude minus the chaser's at insertion, deg (positive: target ahead). Taken modulo
   * 360; the fast scheme reads it in (−180, 180], the multi-revolution scheme in [0, 360).
   */
  readonly phaseAngleDeg: number;
  readonly strategy: PhasingStrategy;
  /** Liftoff to orbit insertion, s. */
  readonly ascentS: number;
  /**
   * End of the Hohmann raise (target vicinity) to docking contact, s. For the fast scheme, the shortest final
   * approach: the window ends where coast + raise + this no longer fit in N revolutions.
   */
  readonly finalApproachS: number;
}

export interface RendezvousTimeline {
  readonly strategy: 'fast' | 'multi-revolution';
  /** Phase angle used, deg. */
  readonly phaseAngleDeg: number;
  /** Phasing-orbit catch-up rate on the target, deg/min (J2-secular mean motions). */
  readonly catchUpRateDegPerMin: number;
  /** Phase the Hohmann raise(s) gain by themselves: π − n_t·T_h (plus the raise to the phasing orbit), deg. */
  readonly transferPhaseGainDeg: number;
  /** Fast scheme: the insertion phase angles it can absorb, deg. */
  readonly fastWindowDeg?: { readonly min: number; readonly max: number };
  readonly ascentS: number;
  /** Coast on the phasing orbit, s. */
  readonly phasingCoastS: number;
  /** Hohmann transfer time(s), s. */
  readonly transferS: number;
  readonly finalApproachS: number;
  /** Liftoff to docking, s. */
  readonly totalS: number;
  /** Chaser revolutions from insertion to docking (insertion-orbit periods). */
  readonly revolutionsAfterInsertion: number;
  /** Manoeuvre Δv of the raise(s) (coplanar, impulsive), m/s. */
  readonly deltaVMps: number;
}

export type RendezvousTimelineCode = 'RENDEZVOUS_CHASER_NOT_BELOW' | 'RENDEZVOUS_PHASE_OUTSIDE_FAST_WINDOW';

/** Compute the launch-to-docking timeline (see the module comment). */
export function rendezvousTimeline(
  input: RendezvousTimelineInput,
): Result<RendezvousTimeline, RendezvousTimelineCode> {
  const aIns = EARTH_RADIUS_KM + (input.insertion.perigeeAltitudeKm + input.insertion.apogeeAltitudeKm) / 2;
  const aTgt = input.targetSemiMajorAxisKm;
  const inc = input.targetInclinationDeg;
  const aPhase =
    input.strategy.kind === 'multi-revolution' && input.strategy.phasingAltitudeKm !== undefined
      ? EARTH_RADIUS_KM + input.strategy.phasingAltitudeKm
      : aIns;
  if (aPhase >= aTgt || aIns >= aTgt) {
    return err(
      'RENDEZVOUS_CHASER_NOT_BELOW',
      `phasing orbit (${(aPhase - EARTH_RADIUS_KM).toFixed(1)} km) is not below the target (${(aTgt - EARTH_RADIUS_KM).toFixed(1)} km): no catch-up from behind`,
    );
  }
  const nT = argumentOfLatitudeRateRadS(aTgt, 0, inc);
  const nP = argumentOfLatitudeRateRadS(aPhase, 0, inc);
  const rateDegS = (nP - nT) / DEG;
  // Raise insertion → phasing orbit (multi-revolution only), then phasing → target.
  const raise1 = aPhase > aIns ? hohmannTransfer(aIns, aPhase) : undefined;
  const raise2 = hohmannTransfer(aPhase, aTgt);
  const gainDeg = (t: { transferTimeS: number }) => 180 - (nT * t.transferTimeS) / DEG;
  const transferGainDeg = gainDeg(raise2) + (raise1 ? gainDeg(raise1) : 0);
  const transferS = raise2.transferTimeS + (raise1?.transferTimeS ?? 0);
  const deltaVMps = 1000 * (raise2.totalDeltaVKmS + (raise1?.totalDeltaVKmS ?? 0));
  const periodIns = orbitalPeriodS(aIns);
  const common = {
    catchUpRateDegPerMin: rateDegS * 60,
    transferPhaseGainDeg: transferGainDeg,
    ascentS: input.ascentS,
    transferS,
    finalApproachS: input.finalApproachS,
    deltaVMps,
  };
  if (input.strategy.kind === 'fast') {
    const maxCoastS = input.strategy.revolutions * periodIns - transferS - input.finalApproachS;
    const window = { min: transferGainDeg, max: transferGainDeg + rateDegS * Math.max(0, maxCoastS) };
    const phase = wrap360(input.phaseAngleDeg + 180) - 180;
    const coastS = (phase - transferGainDeg) / rateDegS;
    if (coastS < 0 || coastS > maxCoastS) {
      return err(
        'RENDEZVOUS_PHASE_OUTSIDE_FAST_WINDOW',
        `insertion phase angle ${phase.toFixed(1)} deg is outside the ${input.strategy.revolutions}-orbit window ${window.min.toFixed(1)} to ${window.max.toFixed(1)} deg`,
      );
    }
    // The scheme's duration is fixed (docking at the end of the N-th revolution); the burns are sized so the
    // phase is closed in time and the rest of the last revolution is final approach and station-keeping.
    const afterInsertionS = input.strategy.revolutions * periodIns;
    return ok({
      ...common,
      strategy: 'fast',
      phaseAngleDeg: phase,
      fastWindowDeg: window,
      phasingCoastS: coastS,
      finalApproachS: afterInsertionS - coastS - transferS,
      totalS: input.ascentS + afterInsertionS,
      revolutionsAfterInsertion: input.strategy.revolutions,
    });
  }
  // Multi-revolution: whatever the phase, coast until the remainder closes (one synodic period at most).
  const phase = wrap360(input.phaseAngleDeg);
  const coastS = wrap360(phase - transferGainDeg) / rateDegS;
  const afterInsertionS = coastS + transferS + input.finalApproachS;
  return ok({
    ...common,
    strategy: 'multi-revolution',
    phaseAngleDeg: phase,
    phasingCoastS: coastS,
    totalS: input.ascentS + afterInsertionS,
    revolutionsAfterInsertion: afterInsertionS / periodIns,
  });
}

/** Geometry at insertion: where the chaser is inserted vs where the target is. */
export interface InsertionGeometry {
  /** Target minus chaser argument of latitude at insertion, deg in (−180, 180]. */
  readonly phaseAngleDeg: number;
  readonly chaserArgumentOfLatitudeDeg: number;
  readonly targetArgumentOfLatitudeDeg: number;
  /** Site distance from the target plane at liftoff, deg (a direct in-plane launch has about 0). */
  readonly siteOutOfPlaneDeg: number;
}

/**
 * Phase angle at insertion from real geometry: the chaser is inserted `ascentArcDeg` downrange (inertial
 * central angle, in the target plane) of the site's argument of latitude at liftoff; the target's argument of
 * latitude comes from its TEME state at insertion (e.g. SGP4 on its element set).
 */
export function insertionGeometry(args: {
  readonly site: { readonly latitudeDeg: number; readonly longitudeDeg: number };
  /** Greenwich sidereal angle at liftoff, deg. */
  readonly gmstAtLiftoffDeg: number;
  readonly ascentArcDeg: number;
  readonly targetAtInsertion: {
    readonly positionKm: readonly [number, number, number];
    readonly velocityKmS: readonly [number, number, number];
  };
}): InsertionGeometry {
  const t = argumentOfLatitudeFromState(
    args.targetAtInsertion.positionKm,
    args.targetAtInsertion.velocityKmS,
  );
  const s = siteInPlane(args.site, args.gmstAtLiftoffDeg, t);
  const chaserU = wrap360(s.argumentOfLatitudeDeg + args.ascentArcDeg);
  return {
    phaseAngleDeg: wrap360(t.argumentOfLatitudeDeg - chaserU + 180) - 180,
    chaserArgumentOfLatitudeDeg: chaserU,
    targetArgumentOfLatitudeDeg: t.argumentOfLatitudeDeg,
    siteOutOfPlaneDeg: s.outOfPlaneDeg,
  };
}
