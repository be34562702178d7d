import type { ElementSet } from '../orbits/element-set.js';
import { circularSpeedKmS, hohmannTransfer } from '../orbits/hohmann.js';
import { raanRateDegPerDay } from '../orbits/j2-raan-drift.js';
import { launchPlaneGeometry, nextLaunchWindows, type TargetPlane } from '../orbits/launch-window.js';
import { planeAngleDeg, planeChangeDeltaVKmS } from '../orbits/plane-change.js';
import type { RendezvousTimeline } from '../orbits/rendezvous-timeline.js';
import { EARTH_RADIUS_KM, MU_EARTH_KM3_S2 } from '../orbits/two-body-constants.js';
import { createSgp4Model } from '../propagation/sgp4-model.js';
import { formatIsoUtc } from '../time/iso-8601.js';
import { addDays, daysBetween } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import { checkCompatibility } from './compatibility.js';
import { isKnown, type LaunchSite, type Passport, type SourcedValue } from './passport-schema.js';
import type { PassportLibrary } from './passport-validation.js';
import { earliestRendezvous, rendezvousWithoutPhase } from './rendezvous-estimate.js';
import { RENDEZVOUS_PARAMETERS } from './rendezvous-parameters.js';

/** Assumed insertion orbit of a ground launch (circular, km): used only for the Δv estimate, and said so. */
export const INSERTION_ALTITUDE_KM = 200;
/** Duration assumed for an in-orbit vehicle to re-phase and rendezvous: the 1–2 day profiles (basis §6.5), h. */
export const IN_ORBIT_RENDEZVOUS_HOURS = 48;
/** Launch windows (in-plane passes) searched for the earliest docking when the phase is known. */
export const WINDOWS_SEARCHED = 4;

const hm = (s: number) =>
  `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')} min`;

/** One line: strategy, phase, catch-up and each component of the launch-to-docking time. */
export function describeTimeline(t: RendezvousTimeline): string {
  const scheme =
    t.strategy === 'fast'
      ? `${t.revolutionsAfterInsertion}-orbit fast scheme, insertion phase ${t.phaseAngleDeg.toFixed(1)} deg (window ${t.fastWindowDeg?.min.toFixed(1)} to ${t.fastWindowDeg?.max.toFixed(1)} deg)`
      : `multi-revolution phasing, insertion phase ${t.phaseAngleDeg.toFixed(1)} deg`;
  return `${scheme}, catch-up ${t.catchUpRateDegPerMin.toFixed(3)} deg/min: ascent ${hm(t.ascentS)} + coast ${hm(t.phasingCoastS)} + raise ${hm(t.transferS)} (${t.deltaVMps.toFixed(0)} m/s) + approach ${hm(t.finalApproachS)} = ${hm(t.totalS)}`;
}

export interface DockedVehicle {
  readonly passportId: string;
  /** Seats available for the distressed crew in this vehicle. */
  readonly seats: number;
  /** Certified for a normal return (false: emergency use only, e.g. Soyuz MS-22 after its coolant leak). */
  readonly certified: boolean;
}

export interface InOrbitAsset {
  readonly passportId: string;
  readonly elementSet: ElementSet;
}

export interface PlanInput {
  readonly distressed: Passport;
  readonly at: UtcInstant;
  /** Hours the crew can still survive (O2, power, thermal: the smallest), from `at`. */
  readonly marginHours: number;
  /** Element set of the distressed vehicle/station (gives RAAN and altitude for windows). */
  readonly elementSet?: ElementSet;
  readonly inOrbit?: readonly InOrbitAsset[];
  readonly docked?: readonly DockedVehicle[];
  readonly crewToRescue?: number;
}

export interface DeltaVEstimate {
  /** Plane change needed because of the launch plane or the orbit planes, m/s. */
  readonly planeChangeMps: number;
  /** Rendezvous (Hohmann from the insertion orbit, or none), m/s. */
  readonly rendezvousMps: number;
  readonly totalMps: number;
  readonly basis: string;
}

export interface RescueOption {
  readonly rescuer: string;
  readonly rescuerName: string;
  readonly kind: 'standby-launch' | 'in-orbit' | 'safe-haven';
  readonly site?: string;
  readonly feasible: boolean;
  /** `unknown` when a needed fact is unknown or only the worst case misses the margin. */
  readonly assessment: 'feasible' | 'infeasible' | 'unknown';
  /** Best-estimate arrival (docking or shelter), ISO-8601 UTC; null when it cannot be computed. */
  readonly arrival: string | null;
  /** Worst-case arrival with the slowest documented readiness and window wait. */
  readonly arrivalLatest: string | null;
  readonly launchWindow: string | null;
  readonly deltaV: DeltaVEstimate | null;
  readonly compatibility: 'yes' | 'no' | 'unknown';
  readonly reasons: string[];
}

const known = <T>(v: SourcedValue<T> | undefined): T | undefined => (v && isKnown(v) ? v.value : undefined);
const iso = (t: UtcInstant) => formatIsoUtc(t, 0);
const later = (t: UtcInstant, hours: number): UtcInstant => ({ scale: 'UTC', jd: addDays(t.jd, hours / 24) });
const hoursBetween = (a: UtcInstant, b: UtcInstant) => daysBetween(a.jd, b.jd) * 24;

function targetOrbit(input: PlanInput): {
  inclinationDeg?: number;
  altitudeKm?: number;
  plane?: TargetPlane;
} {
  const es = input.elementSet;
  if (es) {
    const n = (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
    const a = Math.cbrt(MU_EARTH_KM3_S2 / (n * n));
    return {
      inclinationDeg: es.inclinationDeg,
      altitudeKm: a - EARTH_RADIUS_KM,
      plane: {
        inclinationDeg: es.inclinationDeg,
        raanDeg: es.raanDeg,
        epoch: es.epoch,
        raanRateDegPerDay: raanRateDegPerDay(a, es.eccentricity, es.inclinationDeg),
      },
    };
  }
  const inc = known(input.distressed.orbit?.inclinationDeg);
  const alt = known(input.distressed.orbit?.altitudeKm);
  return {
    ...(inc !== undefined ? { inclinationDeg: inc } : {}),
    ...(alt !== undefined ? { altitudeKm: alt } : {}),
  };
}

function standbyOption(
  input: PlanInput,
  vehicle: Passport,
  site: LaunchSite,
  library: PassportLibrary,
): RescueOption {
  const reasons: string[] = [];
  const deadline = later(input.at, input.marginHours);
  const compat = checkCompatibility(vehicle, input.distressed, library, {
    ...(input.crewToRescue !== undefined ? { crewToRescue: input.crewToRescue } : {}),
  });
  const base = {
    rescuer: vehicle.id,
    rescuerName: vehicle.name,
    kind: 'standby-launch' as const,
    site: site.name,
    compatibility: compat.compatible,
  };
  let blocked = false;
  let unknownFact = false;
  for (const c of compat.checks) {
    if (!['C1', 'C2', 'C4', 'C10', 'C13'].includes(c.id)) continue;
    if (c.status === 'fail') {
      blocked = true;
      reasons.push(
        `${c.id} ${c.name} fails: ${c.reasons.join('; ')}${c.missingPieces.length ? ` (missing: ${c.missingPieces.join('; ')})` : ''}`,
      );
    } else if (c.status === 'unknown') {
      unknownFact = true;
      reasons.push(`${c.id} ${c.name} unknown: ${c.reasons.join('; ')}`);
    }
  }
  const orbit = targetOrbit(input);
  const lat = known(site.latitudeDeg);
  if (orbit.inclinationDeg === undefined || lat === undefined) {
    reasons.push(
      orbit.inclinationDeg === undefined ? 'target inclination unknown' : `${site.name} latitude unknown`,
    );
    return {
      ...base,
      feasible: false,
      assessment: blocked ? 'infeasible' : 'unknown',
      arrival: null,
      arrivalLatest: null,
      launchWindow: null,
      deltaV: null,
      reasons,
    };
  }
  const altKm = orbit.altitudeKm ?? 400;
  const geometry = launchPlaneGeometry(lat, orbit.inclinationDeg);
  const insertionV = circularSpeedKmS(EARTH_RADIUS_KM + INSERTION_ALTITUDE_KM);
  const planeMps = geometry.direct ? 0 : planeChangeDeltaVKmS(geometry.shortfallDeg, insertionV) * 1000;
  const rendezvousMps =
    hohmannTransfer(EARTH_RADIUS_KM + INSERTION_ALTITUDE_KM, EARTH_RADIUS_KM + altKm).totalDeltaVKmS * 1000;
  const deltaV: DeltaVEstimate = {
    planeChangeMps: Math.round(planeMps),
    rendezvousMps: Math.round(rendezvousMps),
    totalMps: Math.round(planeMps + rendezvousMps),
    basis: `Hohmann from an assumed ${INSERTION_ALTITUDE_KM} km circular insertion to ${altKm.toFixed(0)} km; plane change at insertion speed`,
  };
  if (!geometry.direct) {
    const minInc = known(site.minInclinationDeg);
    reasons.unshift(
      `launch plane: ${site.name} at ${lat} deg > target inclination ${orbit.inclinationDeg.toFixed(2)} deg; requires out-of-plane steering ≥ ${geometry.shortfallDeg.toFixed(2)} deg ≈ ${Math.round(planeMps)} m/s` +
        (minInc !== undefined && minInc > orbit.inclinationDeg
          ? ` (from the usual ${minInc} deg: ${(minInc - orbit.inclinationDeg).toFixed(2)} deg ≈ ${Math.round(planeChangeDeltaVKmS(minInc - orbit.inclinationDeg, insertionV) * 1000)} m/s)`
          : ''),
    );
    return {
      ...base,
      feasible: false,
      assessment: 'infeasible',
      arrival: null,
      arrivalLatest: null,
      launchWindow: null,
      deltaV,
      reasons,
    };
  }
  const minInc = known(site.minInclinationDeg);
  if (minInc !== undefined && minInc > orbit.inclinationDeg + 0.1) {
    reasons.unshift(`range safety: lowest inclination flown from ${site.name} is about ${minInc} deg`);
    return {
      ...base,
      feasible: false,
      assessment: 'infeasible',
      arrival: null,
      arrivalLatest: null,
      launchWindow: null,
      deltaV,
      reasons,
    };
  }
  const readiness = known(vehicle.launch?.standbyReadinessDays);
  const profile = vehicle.launch?.profiles.find((p) => p.regime === 'leo');
  const profileHours = known(profile?.durationHours);
  const params = RENDEZVOUS_PARAMETERS.get(vehicle.id);
  if (readiness === undefined) {
    const rd = vehicle.launch?.standbyReadinessDays;
    reasons.push(`standby readiness unknown: ${rd && !isKnown(rd) ? rd.reason : 'not in passport'}`);
  }
  if (params === undefined && profileHours === undefined) reasons.push('launch-to-docking profile unknown');
  if (readiness === undefined || (params === undefined && profileHours === undefined)) {
    return {
      ...base,
      feasible: false,
      assessment: blocked ? 'infeasible' : 'unknown',
      arrival: null,
      arrivalLatest: null,
      launchWindow: null,
      deltaV,
      reasons,
    };
  }
  const readyEarliest = later(input.at, 24 * (readiness.min ?? readiness.nominal ?? readiness.max ?? 0));
  const readyLatest = later(input.at, 24 * (readiness.max ?? readiness.nominal ?? readiness.min ?? 0));
  const lon = known(site.longitudeDeg);
  const targetAKm = EARTH_RADIUS_KM + altKm;
  let window: UtcInstant;
  let windowLatest: UtcInstant;
  let arrival: UtcInstant | undefined;
  let arrivalLatest: UtcInstant | undefined;
  if (orbit.plane && lon !== undefined) {
    const siteLL = { latitudeDeg: lat, longitudeDeg: lon };
    const ws = nextLaunchWindows(siteLL, orbit.plane, readyEarliest, WINDOWS_SEARCHED);
    const wls = nextLaunchWindows(siteLL, orbit.plane, readyLatest, WINDOWS_SEARCHED);
    const w = ws[0];
    window = w?.utc ?? readyEarliest;
    windowLatest = wls[0]?.utc ?? later(readyLatest, 24);
    reasons.push(
      `next in-plane pass after readiness: ${iso(window)} (${w?.pass ?? 'n/a'}, azimuth ${w?.azimuthDeg.toFixed(1) ?? 'n/a'} deg)`,
    );
    const model = params && input.elementSet ? createSgp4Model(input.elementSet) : undefined;
    if (params && input.elementSet && model?.ok) {
      const target = { model: model.value, elementSet: input.elementSet, semiMajorAxisKm: targetAKm };
      const e = earliestRendezvous(params, siteLL, target, ws);
      const el = earliestRendezvous(params, siteLL, target, wls);
      if (e && el) {
        const age = daysBetween(input.elementSet.epoch.jd, e.launch.jd);
        arrival = e.arrival;
        arrivalLatest = el.arrival;
        window = e.launch;
        windowLatest = el.launch;
        reasons.push(
          `rendezvous computed for the launch at ${iso(e.launch)} (earliest docking of the next ${WINDOWS_SEARCHED} passes): ${describeTimeline(e.timeline)}; element set age ${age.toFixed(1)} d at launch${age > 2 ? ' (phase indicative only: drag and station manoeuvres move the target along track over days)' : ''}; ${params.basis}`,
        );
      }
    }
  } else {
    window = readyEarliest;
    windowLatest = later(readyLatest, 24);
    reasons.push(
      orbit.plane
        ? `${site.name} longitude unknown: window wait up to 1 day assumed`
        : 'no element set for the target: RAAN unknown, window wait up to 1 day assumed',
    );
  }
  if (arrival === undefined && params) {
    const np = rendezvousWithoutPhase(params, targetAKm, orbit.inclinationDeg);
    if (np) {
      arrival = later(window, np.nominal.totalS / 3600);
      arrivalLatest = later(windowLatest, np.latest.totalS / 3600);
      reasons.push(
        `rendezvous computed with the insertion phase unknown: nominal ${describeTimeline(np.nominal)}; worst case (a full phasing lap) ${hm(np.latest.totalS)}; ${params.basis}`,
      );
    }
  }
  if (arrival === undefined || arrivalLatest === undefined) {
    if (profileHours === undefined) {
      reasons.push('launch-to-docking time unknown: rendezvous model could not run and no passport profile');
      return {
        ...base,
        feasible: false,
        assessment: blocked ? 'infeasible' : 'unknown',
        arrival: null,
        arrivalLatest: null,
        launchWindow: iso(window),
        deltaV,
        reasons,
      };
    }
    arrival = later(window, profileHours);
    arrivalLatest = later(windowLatest, profileHours);
    reasons.push(
      `launch to docking: passport profile ${profile?.name} (fallback: no rendezvous-model inputs for ${vehicle.name})`,
    );
  }
  reasons.push(
    `readiness ${readiness.min ?? readiness.nominal} to ${readiness.max ?? readiness.nominal} days`,
  );
  let assessment: RescueOption['assessment'];
  if (blocked) assessment = 'infeasible';
  else if (hoursBetween(arrival, deadline) < 0) {
    assessment = 'infeasible';
    reasons.unshift(
      `arrives ${hoursBetween(deadline, arrival).toFixed(1)} h after the crew margin ends (${iso(deadline)})`,
    );
  } else if (hoursBetween(arrivalLatest, deadline) < 0) {
    assessment = 'unknown';
    reasons.unshift(
      `arrives within the margin only with the quoted readiness; worst case ${iso(arrivalLatest)} is after ${iso(deadline)}`,
    );
  } else assessment = unknownFact ? 'unknown' : 'feasible';
  return {
    ...base,
    feasible: assessment === 'feasible',
    assessment,
    arrival: iso(arrival),
    arrivalLatest: iso(arrivalLatest),
    launchWindow: iso(window),
    deltaV,
    reasons,
  };
}

function inOrbitOption(
  input: PlanInput,
  asset: InOrbitAsset,
  library: PassportLibrary,
  maxPublishedDvMps: number,
): RescueOption | undefined {
  const vehicle = library.byId.get(asset.passportId);
  if (!vehicle) return undefined;
  const orbit = targetOrbit(input);
  const compat = checkCompatibility(
    vehicle,
    input.distressed,
    library,
    input.crewToRescue !== undefined ? { crewToRescue: input.crewToRescue } : {},
  );
  const base = {
    rescuer: vehicle.id,
    rescuerName: `${vehicle.name} in orbit (${asset.elementSet.objectName || asset.elementSet.catalogId})`,
    kind: 'in-orbit' as const,
    compatibility: compat.compatible,
  };
  if (!orbit.plane || orbit.altitudeKm === undefined) {
    return {
      ...base,
      feasible: false,
      assessment: 'unknown',
      arrival: null,
      arrivalLatest: null,
      launchWindow: null,
      deltaV: null,
      reasons: ['target element set needed for the plane angle'],
    };
  }
  const es = asset.elementSet;
  const n = (es.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  const a = Math.cbrt(MU_EARTH_KM3_S2 / (n * n));
  const raanAsset =
    es.raanDeg +
    raanRateDegPerDay(a, es.eccentricity, es.inclinationDeg) * daysBetween(es.epoch.jd, input.at.jd);
  const raanTarget =
    orbit.plane.raanDeg + orbit.plane.raanRateDegPerDay * daysBetween(orbit.plane.epoch.jd, input.at.jd);
  const theta = planeAngleDeg(es.inclinationDeg, orbit.plane.inclinationDeg, raanAsset - raanTarget);
  const planeMps = planeChangeDeltaVKmS(theta, circularSpeedKmS(EARTH_RADIUS_KM + orbit.altitudeKm)) * 1000;
  const hoh = hohmannTransfer(a, EARTH_RADIUS_KM + orbit.altitudeKm).totalDeltaVKmS * 1000;
  const deltaV = {
    planeChangeMps: Math.round(planeMps),
    rendezvousMps: Math.round(hoh),
    totalMps: Math.round(planeMps + hoh),
    basis: `plane angle ${theta.toFixed(2)} deg at the target altitude (J2-drifted RAANs at ${iso(input.at)}) plus Hohmann`,
  };
  if (theta < 0.1 && Math.abs(a - EARTH_RADIUS_KM - orbit.altitudeKm) < 5) {
    // Same plane and altitude as the target: docked to it (or in formation), i.e. a lifeboat, not a chaser.
    return {
      ...base,
      kind: 'safe-haven',
      feasible: false,
      assessment: compat.compatible === 'no' ? 'infeasible' : 'unknown',
      arrival: iso(input.at),
      arrivalLatest: null,
      launchWindow: null,
      deltaV,
      reasons: [
        `co-located with the target (plane angle ${theta.toFixed(3)} deg): shelter or return home in it; seats and return certification are not known from the catalog`,
      ],
    };
  }
  const capability = known(vehicle.deltaVCapabilityMps);
  const reasons: string[] = [];
  let assessment: RescueOption['assessment'];
  if (capability !== undefined && planeMps + hoh > capability) {
    assessment = 'infeasible';
    reasons.push(`needs ${deltaV.totalMps} m/s > capability ${capability} m/s`);
  } else if (capability === undefined && planeMps + hoh > maxPublishedDvMps) {
    assessment = 'infeasible';
    reasons.push(
      `needs ${deltaV.totalMps} m/s, more than any published crew-vehicle capability (${maxPublishedDvMps} m/s); a cross-plane rescue means a ground launch`,
    );
  } else {
    assessment = 'unknown';
    reasons.push(
      capability === undefined
        ? `needs ${deltaV.totalMps} m/s; ${vehicle.name} Δv capability unknown`
        : `needs ${deltaV.totalMps} m/s within ${capability} m/s`,
    );
  }
  const arrival = later(input.at, IN_ORBIT_RENDEZVOUS_HOURS);
  if (compat.compatible === 'no') {
    assessment = 'infeasible';
    reasons.push(
      `not compatible: ${compat.checks
        .filter((c) => c.status === 'fail')
        .map((c) => `${c.id} ${c.name}`)
        .join(', ')}`,
    );
  }
  if (hoursBetween(arrival, later(input.at, input.marginHours)) < 0) {
    assessment = 'infeasible';
    reasons.push('arrives after the crew margin ends');
  }
  return {
    ...base,
    feasible: false,
    assessment,
    arrival: assessment === 'infeasible' ? null : iso(arrival),
    arrivalLatest: null,
    launchWindow: null,
    deltaV,
    reasons,
  };
}

function safeHavenOptions(input: PlanInput, library: PassportLibrary): RescueOption[] {
  const crew =
    input.crewToRescue ?? known(input.distressed.crew?.nominalCrew) ?? known(input.distressed.crew?.seats);
  if (!input.docked || input.docked.length === 0) {
    return [
      {
        rescuer: 'docked-vehicles',
        rescuerName: 'Shelter in / return home in docked vehicles',
        kind: 'safe-haven',
        feasible: false,
        assessment: 'unknown',
        arrival: null,
        arrivalLatest: null,
        launchWindow: null,
        deltaV: null,
        compatibility: 'unknown',
        reasons: ['docked vehicles not given (pass them with the plan input)'],
      },
    ];
  }
  const cover = seatCoverage(crew ?? 0, input.docked);
  return [
    {
      rescuer: 'docked-vehicles',
      rescuerName: `Return home in docked vehicles (${input.docked.map((d) => `${library.byId.get(d.passportId)?.name ?? d.passportId}: ${d.seats}${d.certified ? '' : ' emergency-only'}`).join(', ')})`,
      kind: 'safe-haven',
      feasible: cover.certifiedSeats >= (crew ?? Number.POSITIVE_INFINITY),
      assessment: crew === undefined ? 'unknown' : cover.certifiedSeats >= crew ? 'feasible' : 'infeasible',
      arrival: iso(input.at),
      arrivalLatest: null,
      launchWindow: null,
      deltaV: { planeChangeMps: 0, rendezvousMps: 0, totalMps: 0, basis: 'already docked' },
      compatibility: 'yes',
      reasons: [
        `certified return seats ${cover.certifiedSeats} for crew ${crew ?? 'unknown'}`,
        ...(cover.emergencyOnlySeats > 0 ? [`${cover.emergencyOnlySeats} emergency-only seats`] : []),
      ],
    },
  ];
}

/** Seat coverage of a crew by docked vehicles (basis §5.1, §5.2, §5.5) and the lowest phase it implies. */
export function seatCoverage(
  crew: number,
  docked: readonly DockedVehicle[],
): {
  certifiedSeats: number;
  emergencyOnlySeats: number;
  totalSeats: number;
  covered: boolean;
  minimumPhase: 'none' | 'ALERFA';
} {
  const certifiedSeats = docked.filter((d) => d.certified).reduce((s, d) => s + d.seats, 0);
  const emergencyOnlySeats = docked.filter((d) => !d.certified).reduce((s, d) => s + d.seats, 0);
  return {
    certifiedSeats,
    emergencyOnlySeats,
    totalSeats: certifiedSeats + emergencyOnlySeats,
    covered: certifiedSeats + emergencyOnlySeats >= crew,
    // Project rule (basis §7.2, E12): without a certified seat for every crew member, at least ALERFA.
    minimumPhase: certifiedSeats >= crew ? 'none' : 'ALERFA',
  };
}

const ORDER = { feasible: 0, unknown: 1, infeasible: 2 } as const;

/**
 * List every candidate rescue for a crew in distress, ranked: feasible first, then unknown, then
 * infeasible; within each by arrival time. Every option says why (arrival = max(readiness, next window) +
 * rendezvous profile, basis §6.5).
 */
export function planRescue(input: PlanInput, library: PassportLibrary): RescueOption[] {
  const options: RescueOption[] = [];
  for (const vehicle of library.passports) {
    if (vehicle.kind !== 'crew-vehicle' || vehicle.id === input.distressed.id) continue;
    if ((known(vehicle.status) ?? '').startsWith('historical')) continue;
    if (input.distressed.orbit?.regime === 'nrho') {
      const cis = vehicle.launch?.profiles.find((p) => p.regime === 'cislunar');
      const hours = known(cis?.durationHours);
      const compat = checkCompatibility(vehicle, input.distressed, library);
      const arrival = hours !== undefined ? later(input.at, hours) : undefined;
      const inTime = arrival !== undefined && hoursBetween(arrival, later(input.at, input.marginHours)) >= 0;
      options.push({
        rescuer: vehicle.id,
        rescuerName: vehicle.name,
        kind: 'standby-launch',
        feasible: false,
        assessment:
          compat.compatible === 'no' || (arrival !== undefined && !inTime) ? 'infeasible' : 'unknown',
        arrival: arrival ? iso(arrival) : null,
        arrivalLatest: null,
        launchWindow: null,
        deltaV: null,
        compatibility: compat.compatible,
        reasons: [
          cis ? `cislunar published timeline: ${cis.name}, plus readiness (unknown)` : 'no cislunar profile',
          ...(arrival && !inTime ? ['arrives after the crew margin ends'] : []),
        ],
      });
      continue;
    }
    for (const site of vehicle.launch?.sites ?? [])
      options.push(standbyOption(input, vehicle, site, library));
  }
  const maxDv = Math.max(
    0,
    ...library.passports
      .filter((p) => p.kind === 'crew-vehicle')
      .map((p) => known(p.deltaVCapabilityMps) ?? 0),
  );
  for (const asset of input.inOrbit ?? []) {
    const o = inOrbitOption(input, asset, library, maxDv);
    if (o) options.push(o);
  }
  options.push(...safeHavenOptions(input, library));
  return options.sort((a, b) => {
    const byAssessment = ORDER[a.assessment] - ORDER[b.assessment];
    if (byAssessment !== 0) return byAssessment;
    if (a.arrival === null || b.arrival === null)
      return a.arrival === null ? (b.arrival === null ? 0 : 1) : -1;
    return a.arrival.localeCompare(b.arrival);
  });
}
