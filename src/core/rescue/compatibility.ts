import { circularSpeedKmS } from '../orbits/hohmann.js';
import { launchPlaneGeometry } from '../orbits/launch-window.js';
import { planeChangeDeltaVKmS } from '../orbits/plane-change.js';
import { EARTH_RADIUS_KM } from '../orbits/two-body-constants.js';
import {
  type AdapterSearchOptions,
  type DockingPath,
  describePath,
  findDockingPaths,
} from './adapter-graph.js';
import { type CheckStatus, worstStatus } from './check-status.js';
import { type ContactConditions, isKnown, type Passport, type SourcedValue } from './passport-schema.js';
import type { PassportLibrary } from './passport-validation.js';

export type CheckId =
  | 'C1'
  | 'C2'
  | 'C3'
  | 'C4'
  | 'C5'
  | 'C6'
  | 'C7'
  | 'C8'
  | 'C9'
  | 'C10'
  | 'C11'
  | 'C12'
  | 'C13'
  | 'C14';

/** One check of the basis §4.3 with its reasons, what is missing, and what a pass requires. */
export interface CheckResult {
  readonly id: CheckId;
  readonly name: string;
  readonly status: CheckStatus;
  readonly reasons: string[];
  readonly missingPieces: string[];
  readonly requires: string[];
  /** A pass leans on an `unverified` fact: it downgrades the overall confidence (basis §4.1). */
  readonly reliesOnUnverified: boolean;
}

export interface CompatibilityOptions extends AdapterSearchOptions {
  /** Crew to carry (default: the distressed vehicle's seats, or the station's nominal crew). */
  readonly crewToRescue?: number;
  /** Hours from undocking to landing the rescuer's life support must cover (default 24 h, a stated assumption). */
  readonly returnDurationHours?: number;
  /** Protocol state of the distress case, when there is one (C14). */
  readonly processSteps?: {
    readonly r1Done: boolean;
    readonly r2Done: boolean;
    readonly bilateralProcedure: boolean;
  };
}

export interface CompatibilityReport {
  readonly rescuerId: string;
  readonly distressedId: string;
  /** Hardware verdict over C1–C13 (basis §4.1 rule). */
  readonly compatible: 'yes' | 'no' | 'unknown';
  /** C14 (legal and process): evaluated only against a distress case. */
  readonly processReady: CheckStatus;
  /** `downgraded` when a pass leans on unverified facts. */
  readonly confidence: 'normal' | 'downgraded';
  readonly checks: CheckResult[];
  readonly paths: string[];
}

const CHECK_NAMES: Record<CheckId, string> = {
  C1: 'mechanism family',
  C2: 'roles',
  C3: 'capture envelope',
  C4: 'port and passage',
  C5: 'atmosphere and equalisation',
  C6: 'gas transfer',
  C7: 'power',
  C8: 'communications, time and language',
  C9: 'navigation aids',
  C10: 'seats and liners',
  C11: 'life-support margin',
  C12: 'reachability',
  C13: 'return',
  C14: 'legal and process',
};

function check(
  id: CheckId,
  status: CheckStatus,
  reasons: string[],
  extra: { missing?: string[]; requires?: string[]; unverified?: boolean } = {},
): CheckResult {
  return {
    id,
    name: CHECK_NAMES[id],
    status,
    reasons,
    missingPieces: extra.missing ?? [],
    requires: extra.requires ?? [],
    reliesOnUnverified: extra.unverified ?? false,
  };
}

const known = <T>(v: SourcedValue<T> | undefined): T | undefined => (v && isKnown(v) ? v.value : undefined);
const unverified = (v: SourcedValue<unknown> | undefined) =>
  v !== undefined && isKnown(v) && v.confidence === 'unverified';
const reasonOf = (v: SourcedValue<unknown> | undefined, what: string) =>
  v === undefined ? `${what}: not in the passport` : isKnown(v) ? `${what}: known` : `${what}: ${v.reason}`;

/** Intersection of two published contact envelopes (basis §2.2 table), or undefined if they do not overlap. */
export function intersectEnvelopes(
  a: ContactConditions,
  b: ContactConditions,
): ContactConditions | undefined {
  const r: ContactConditions = {
    axialRateMinMps: Math.max(a.axialRateMinMps, b.axialRateMinMps),
    axialRateMaxMps: Math.min(a.axialRateMaxMps, b.axialRateMaxMps),
    lateralRateMaxMps: Math.min(a.lateralRateMaxMps, b.lateralRateMaxMps),
    lateralMisalignmentMaxM: Math.min(a.lateralMisalignmentMaxM, b.lateralMisalignmentMaxM),
    pitchYawMisalignmentMaxDeg: Math.min(a.pitchYawMisalignmentMaxDeg, b.pitchYawMisalignmentMaxDeg),
    rollMisalignmentMaxDeg: Math.min(a.rollMisalignmentMaxDeg, b.rollMisalignmentMaxDeg),
    pitchYawRateMaxDegS: Math.min(a.pitchYawRateMaxDegS, b.pitchYawRateMaxDegS),
    rollRateMaxDegS: Math.min(a.rollRateMaxDegS, b.rollRateMaxDegS),
  };
  return r.axialRateMinMps <= r.axialRateMaxMps ? r : undefined;
}

/** Does the pair have flight heritage (they have docked in flight)? */
function heritage(rescuer: Passport, target: Passport, path: DockingPath | undefined): boolean {
  if (!path) return false;
  const first = path.matings[0];
  const last = path.matings[path.matings.length - 1];
  const hr = known(first?.chaser.face.flightHeritageWith) ?? [];
  const ht = known(last?.target.face.flightHeritageWith) ?? [];
  return (
    hr.includes(target.id) ||
    ht.includes(rescuer.id) ||
    (path.carriedAdapters.length > 0 &&
      ht.includes(path.carriedAdapters[path.carriedAdapters.length - 1] ?? ''))
  );
}

/** Crew to move: a vehicle's seats, or a station's nominal crew. */
function defaultCrew(distressed: Passport): number | undefined {
  if (distressed.kind === 'station') return known(distressed.crew?.nominalCrew);
  return known(distressed.crew?.seats);
}

/**
 * Run every check of the rescue basis §4.3 for a rescuer and a distressed vehicle (or station).
 * Unknown inputs give `unknown`, never `pass`; each result names what is missing.
 */
export function checkCompatibility(
  rescuer: Passport,
  distressed: Passport,
  library: PassportLibrary,
  options: CompatibilityOptions = {},
): CompatibilityReport {
  const paths = findDockingPaths(rescuer, distressed, library, options);
  const best = paths[0];
  const bestPaths = paths.filter(
    (p) => best !== undefined && p.status === best.status && p.matings.length === best.matings.length,
  );
  const flown = heritage(rescuer, distressed, best);
  const checks: CheckResult[] = [];

  // C1 mechanism family and C2 roles, over the best path(s) of the adapter graph.
  if (!best) {
    checks.push(check('C1', 'fail', ['no docking face on one side'], { missing: ['a docking mechanism'] }));
    checks.push(check('C2', 'fail', ['no docking face on one side']));
  } else {
    const fam = worstStatus(best.matings.map((m) => m.family));
    const famReasons = [...new Set(best.matings.map((m) => m.familyReason))];
    const requires = bestPaths
      .filter(() => fam === 'pass')
      .map((p) => [...p.carriedAdapters, ...p.installedChain])
      .filter((chain) => chain.length > 0)
      .map((chain) => chain.map((id) => library.byId.get(id)?.name ?? id).join(' → '));
    const missing: string[] = [];
    if (fam === 'fail') {
      const anyAdapter = findDockingPaths(rescuer, distressed, library, {
        ...options,
        anyAdapter: true,
        includeHistorical: true,
      });
      const bridge = anyAdapter.find((p) => p.status !== 'fail' && p.carriedAdapters.length > 0);
      const faces = `${famFamily(best, 'chaser')} ↔ ${famFamily(best, 'target')}`;
      missing.push(
        bridge
          ? `adapter ${bridge.carriedAdapters.join(' + ')} (not available on this pair)`
          : `adapter ${faces}: none exists`,
      );
    }
    if (fam === 'unknown')
      missing.push('published interface geometry or a flown mating for this pair of mechanisms');
    checks.push(
      check('C1', fam, famReasons, {
        missing,
        requires: requires.length > 0 ? [`adapter chain: ${[...new Set(requires)].join(' OR ')}`] : [],
        unverified: best.matings.some((m) => m.reliesOnUnverified),
      }),
    );
    const roles = worstStatus(best.matings.map((m) => m.roles));
    const roleMissing = best.matings.some((m) => m.sameOnlyRole === 'active')
      ? ['two-sided passive adapter (none exists)', 'dual-role vehicle']
      : best.matings.some((m) => m.sameOnlyRole === 'passive')
        ? ['active adapter or dual-role vehicle (none exists)']
        : roles === 'unknown'
          ? ['published active/passive capability of each face']
          : [];
    checks.push(
      check('C2', roles, [...new Set(best.matings.map((m) => m.rolesReason))], { missing: roleMissing }),
    );
  }

  // C3 capture envelope.
  {
    const last = best?.matings[best.matings.length - 1];
    const env = last ? known(last.target.face.captureEnvelope) : undefined;
    const disp = best?.matings[0] ? known(best.matings[0].chaser.face.contactDispersion) : undefined;
    if (flown) checks.push(check('C3', 'pass', ['flight heritage: this pair has docked']));
    else if (env && disp) {
      const inside = intersectEnvelopes(env, disp);
      checks.push(
        check('C3', inside ? 'pass' : 'fail', [
          inside ? 'dispersions inside the envelope' : 'dispersion outside the envelope',
        ]),
      );
    } else {
      checks.push(
        check(
          'C3',
          'unknown',
          [
            'chaser contact dispersions unpublished (basis §8.10)',
            env ? 'target envelope published' : 'target envelope unknown',
          ],
          {
            missing: [
              ...(disp ? [] : ['chaser contact dispersions']),
              ...(env ? [] : ['target capture envelope']),
            ],
          },
        ),
      );
    }
  }

  // C4 port and passage.
  if (!best || best.status === 'fail') {
    const berthing = best?.matings.some((m) => m.berthing) ?? false;
    checks.push(
      check(
        'C4',
        'fail',
        [berthing ? 'only berthing (CBM) ports match: not a rescue path' : 'no free compatible port'],
        {
          missing: ['a free compatible docking port'],
        },
      ),
    );
  } else {
    const faces = [best.matings[0]?.chaser.face, ...best.matings.map((m) => m.target.face)];
    const passages = faces.map((f) => (f ? known(f.passageDiameterMm) : undefined));
    const reasons = [
      `free port: ${best.targetFace.passportId}/${best.targetFace.face.id}${options.occupiedFaces?.length ? ` (occupied: ${options.occupiedFaces.join(', ')})` : ''}`,
    ];
    if (flown)
      checks.push(
        check('C4', 'pass', [...reasons, 'crews have transferred through this interface in flight'], {
          requires: ['port free at arrival (relocate a vehicle if needed)'],
        }),
      );
    else if (passages.every((p) => p !== undefined)) {
      const min = Math.min(...(passages as number[]));
      checks.push(
        check('C4', min >= 800 ? 'pass' : 'fail', [
          ...reasons,
          `narrowest passage ${min} mm vs 800 mm for a suited crew member`,
        ]),
      );
    } else {
      checks.push(
        check('C4', 'unknown', [...reasons, 'passage diameter unknown on part of the path'], {
          missing: ['passage diameter'],
        }),
      );
    }
  }

  checks.push(atmosphereCheck(rescuer, distressed, best, library));

  // C6 gas, C7 power, C8 comms, C9 navigation: flight heritage or unknown (no connector, voltage or band data).
  const heritageOr = (id: CheckId, why: string, missing: string[]) =>
    flown
      ? check(id, 'pass', [
          'flight heritage: the pair operates together routinely (interface details not held)',
        ])
      : check(id, 'unknown', [why], { missing });
  checks.push(
    heritageOr('C6', 'gas connector types and supply pressures are not public (basis §8.7)', [
      `portable O2 bottles for ${options.crewToRescue ?? defaultCrew(distressed) ?? 'N'} crew × H h`,
      'connector adapter',
    ]),
  );
  checks.push(
    heritageOr('C7', 'no power-bus voltages held (IDSIS Power not read, basis §2.5)', [
      'power interface data',
      'standalone operation for the stay',
    ]),
  );
  checks.push(
    heritageOr('C8', 'shared bands and protocols unknown (basis §8.8)', [
      'relay via ground centres',
      'portable radio',
      'fixed bilingual phrasebook (basis §7.5)',
    ]),
  );
  checks.push(
    heritageOr('C9', 'no flight heritage for this pair (basis §4.3 C9)', [
      'compatible navigation targets',
      'piloted approach',
    ]),
  );

  // C10 seats.
  {
    const crew = options.crewToRescue ?? defaultCrew(distressed);
    const seats = known(rescuer.crew?.seats);
    if (crew === undefined || seats === undefined) {
      checks.push(
        check(
          'C10',
          'unknown',
          [crew === undefined ? 'crew to rescue unknown' : reasonOf(rescuer.crew?.seats, 'rescuer seats')],
          { missing: ['seat count and crew count'] },
        ),
      );
    } else if (seats >= crew) {
      checks.push(
        check('C10', 'pass', [`${seats} seats for ${crew} crew`], {
          requires: ['seat liners fitted or moved (precedent: Soyuz liner into Dragon, Jan 2023)'],
          unverified: unverified(rescuer.crew?.seats),
        }),
      );
    } else {
      checks.push(
        check('C10', 'fail', [`${seats} seats for ${crew} crew`], {
          missing: [
            `${crew - seats} more seats: another vehicle, or move a liner`,
            'uncrewed replacement vehicle (MS-23, SZ-22 pattern)',
          ],
        }),
      );
    }
  }

  // C11 life-support margin of the rescuer for the crew it carries home.
  {
    const crew = options.crewToRescue ?? defaultCrew(distressed) ?? 0;
    const hours = options.returnDurationHours ?? 24;
    const days = known(rescuer.consumables?.freeFlightEnduranceDays);
    const personDays = known(rescuer.consumables?.freeFlightPersonDays);
    const coverDays = personDays !== undefined && crew > 0 ? personDays / crew : days;
    if (coverDays === undefined) {
      checks.push(
        check('C11', 'unknown', ['rescuer free-flight consumables unknown (basis §8.6)'], {
          missing: ['O2, CO2 removal, water, power and thermal endurance per person'],
        }),
      );
    } else {
      const margin = coverDays * 24 - hours;
      checks.push(
        check(
          'C11',
          margin >= 0 ? 'pass' : 'fail',
          [
            `rescuer supports ${crew} crew for ${(coverDays * 24).toFixed(0)} h against ${hours} h to return (assumed)`,
          ],
          {
            missing: margin >= 0 ? [] : ['resupply (Progress, Tianzhou) or an earlier return'],
          },
        ),
      );
    }
  }

  checks.push(reachabilityCheck(rescuer, distressed));

  // C13 return.
  {
    const ret = known(rescuer.crewReturn);
    const sameState =
      known(rescuer.launchingState) !== undefined &&
      known(rescuer.launchingState) === known(distressed.launchingState);
    if (ret === false)
      checks.push(
        check(
          'C13',
          'fail',
          [
            `${rescuer.name} cannot return crew: ${isKnown(rescuer.crewReturn) ? (rescuer.crewReturn.note ?? rescuer.crewReturn.source) : ''}`,
          ],
          { missing: ['a crew-return vehicle'] },
        ),
      );
    else if (ret === undefined)
      checks.push(
        check('C13', 'unknown', [reasonOf(rescuer.crewReturn, 'crew return')], {
          missing: ['crew-return capability'],
        }),
      );
    else if (
      sameState ||
      (distressed.kind === 'station' &&
        known(distressed.launchingState)?.includes(known(rescuer.launchingState) ?? '\u0000'))
    ) {
      checks.push(
        check('C13', 'pass', [
          `returns crew; landing: ${known(rescuer.landing) ?? 'unknown'}; recovery by the rescuer's own state`,
        ]),
      );
    } else {
      checks.push(
        check('C13', 'unknown', ['cross-national recovery not arranged'], {
          missing: [
            `recovery forces of ${known(rescuer.launchingState) ?? 'the rescuer state'}`,
            'landing-site clearance',
          ],
        }),
      );
    }
  }

  // C14 legal and process: only against a distress case.
  const steps = options.processSteps;
  const c14 = !steps
    ? check('C14', 'unknown', ['no distress case: Rescue Agreement notifications R1/R2 not logged'], {
        missing: [
          'notification R1 (launching authority) and R2 (UN Secretary-General)',
          'bilateral procedure',
        ],
      })
    : steps.r1Done && steps.r2Done && steps.bilateralProcedure
      ? check('C14', 'pass', ['R1 and R2 logged; bilateral procedure in place'])
      : check('C14', 'unknown', ['process incomplete'], {
          missing: [
            ...(steps.r1Done ? [] : ['notification R1 outstanding']),
            ...(steps.r2Done ? [] : ['notification R2 outstanding']),
            ...(steps.bilateralProcedure ? [] : ['bilateral arrangement']),
          ],
        });
  checks.push(c14);

  const hardware = worstStatus(checks.filter((c) => c.id !== 'C14').map((c) => c.status));
  return {
    rescuerId: rescuer.id,
    distressedId: distressed.id,
    compatible: hardware === 'pass' ? 'yes' : hardware === 'fail' ? 'no' : 'unknown',
    processReady: c14.status,
    confidence: checks.some((c) => c.status === 'pass' && c.reliesOnUnverified) ? 'downgraded' : 'normal',
    checks,
    paths: bestPaths.map(describePath),
  };
}

function famFamily(path: DockingPath, side: 'chaser' | 'target'): string {
  const m = side === 'chaser' ? path.matings[0] : path.matings[path.matings.length - 1];
  const f = side === 'chaser' ? m?.chaser.face.family : m?.target.face.family;
  return known(f) ?? 'unknown family';
}

const ONE_ATM_KPA = 101.325;

/** C5: both about 1 atm N2/O2 → direct; a known difference plus an airlock → pass with its schedule. */
function atmosphereCheck(
  rescuer: Passport,
  distressed: Passport,
  path: DockingPath | undefined,
  library: PassportLibrary,
): CheckResult {
  const pr = known(rescuer.atmosphere?.totalPressureKpa)?.nominal;
  const pt = known(distressed.atmosphere?.totalPressureKpa)?.nominal;
  const dr = known(rescuer.atmosphere?.diluentGas);
  const dt = known(distressed.atmosphere?.diluentGas);
  if (pr === undefined || pt === undefined || dr === undefined || dt === undefined) {
    return check(
      'C5',
      'unknown',
      [
        reasonOf(rescuer.atmosphere?.totalPressureKpa, `${rescuer.name} cabin pressure`),
        reasonOf(distressed.atmosphere?.totalPressureKpa, `${distressed.name} cabin pressure`),
      ],
      {
        missing: ['cabin atmosphere of both vehicles', 'airlock pressure schedule', 'prebreathe protocol'],
      },
    );
  }
  const near = (p: number) => Math.abs(p - ONE_ATM_KPA) / ONE_ATM_KPA <= 0.1;
  const unv =
    unverified(rescuer.atmosphere?.totalPressureKpa) || unverified(distressed.atmosphere?.totalPressureKpa);
  if (near(pr) && near(pt) && dr === 'N2' && dt === 'N2') {
    return check('C5', 'pass', [`both about 1 atm N2/O2 (${pr} and ${pt} kPa)`], {
      requires: ['equalise through the hatch valves; hatch open about 2 h after docking (RSC Energia 2020)'],
      unverified: unv,
    });
  }
  const airlock = [...(path?.carriedAdapters ?? []), ...(path?.installedChain ?? [])]
    .map((id) => library.byId.get(id)?.airlockPressureSchedule)
    .find((s) => s !== undefined && isKnown(s));
  if (airlock && isKnown(airlock)) {
    return check(
      'C5',
      'pass',
      [
        `different atmospheres (${pr} kPa ${dr === 'none' ? 'pure O2' : `${dr}/O2`} vs ${pt} kPa ${dt}/O2) bridged by an airlock`,
      ],
      {
        requires: ['airlock pressure schedule', airlock.value],
        unverified: airlock.confidence === 'unverified',
      },
    );
  }
  return check(
    'C5',
    'unknown',
    [
      `different atmospheres (${pr} vs ${pt} kPa) and no airlock on the path; allowed pressure-change rate and DCS criterion (NASA-STD-3001 V2 6007/6008) not held — no rate is invented`,
    ],
    {
      missing: ['airlock pressure schedule', 'prebreathe protocol', 'O2 masks or portable O2 bottle'],
    },
  );
}

/** C12 (static part): launch plane from the rescuer's sites into the target plane (basis §6.3). */
export function reachabilityCheck(rescuer: Passport, distressed: Passport): CheckResult {
  const inc = known(distressed.orbit?.inclinationDeg);
  const altKm = known(distressed.orbit?.altitudeKm) ?? 400;
  if (distressed.orbit?.regime === 'nrho') {
    const cis = rescuer.launch?.profiles.find((p) => p.regime === 'cislunar');
    return cis
      ? check('C12', 'pass', [`cislunar: published timeline ${cis.name}`], {
          unverified: unverified(cis.durationHours),
        })
      : check('C12', 'unknown', ['cislunar target and no published timeline for this vehicle'], {
          missing: ['cislunar transfer profile'],
        });
  }
  if (inc === undefined)
    return check('C12', 'unknown', ['target inclination unknown'], { missing: ['target orbit'] });
  const sites = rescuer.launch?.sites ?? [];
  if (sites.length === 0)
    return check('C12', 'unknown', [`${rescuer.name} has no launch site in its passport`], {
      missing: ['launch site'],
    });
  const reasons: string[] = [];
  let anyDirect = false;
  let anyUnknown = false;
  for (const site of sites) {
    const lat = known(site.latitudeDeg);
    if (lat === undefined) {
      anyUnknown = true;
      reasons.push(`${site.name}: latitude unknown`);
      continue;
    }
    const g = launchPlaneGeometry(lat, inc);
    const minInc = known(site.minInclinationDeg);
    if (!g.direct) {
      const v = circularSpeedKmS(EARTH_RADIUS_KM + altKm);
      const dv = planeChangeDeltaVKmS(g.shortfallDeg, v);
      const usual =
        minInc !== undefined && minInc > inc
          ? `; from the usual ${minInc} deg: Δi ≥ ${(minInc - inc).toFixed(2)} deg ≈ ${planeChangeDeltaVKmS(minInc - inc, v).toFixed(2)} km/s`
          : '';
      reasons.push(
        `launch plane: ${site.name} at ${lat} deg > target inclination ${inc} deg; plane change Δi ≥ ${g.shortfallDeg.toFixed(2)} deg ≈ ${dv.toFixed(2)} km/s at ${altKm} km${usual}`,
      );
    } else if (minInc !== undefined && minInc > inc + 0.1) {
      reasons.push(
        `range safety: lowest inclination flown from ${site.name} is about ${minInc} deg > ${inc} deg`,
      );
    } else {
      anyDirect = true;
      reasons.push(
        `${site.name} at ${lat} deg ≤ ${inc} deg: direct ascent, azimuth ${g.ascendingAzimuthDeg?.toFixed(2)} / ${g.descendingAzimuthDeg?.toFixed(2)} deg`,
      );
    }
  }
  const status: CheckStatus = anyDirect ? 'pass' : anyUnknown ? 'unknown' : 'fail';
  return check('C12', status, reasons, {
    missing: status === 'fail' ? ['a standby vehicle at a site with latitude ≤ target inclination'] : [],
    unverified: anyDirect && sites.some((s) => unverified(s.latitudeDeg)),
  });
}
