import type { ElementSet } from '../orbits/element-set.js';
import { classifyRegime } from '../orbits/regime.js';
import { formatIsoUtc, utcInstantFromUnixMs } from '../time/iso-8601.js';
import type { ConjunctionEvent, PersistentProximity, ScreeningObject } from './screening-types.js';

/** Mean elements of a synthetic (injected) object; angles in degrees, mean motion in rev/day. */
export interface SyntheticElements {
  readonly noradCatId: number;
  readonly name: string;
  readonly epochUnixMs: number;
  readonly meanMotionRevPerDay: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raanDeg: number;
  readonly argOfPericenterDeg: number;
  readonly meanAnomalyDeg: number;
  readonly bstarPerEarthRadii?: number;
}

/** A synthetic element set (as if read from a TLE) for injected screening cases. */
export function syntheticObject(e: SyntheticElements): ScreeningObject {
  const epoch = utcInstantFromUnixMs(e.epochUnixMs);
  const elementSet: ElementSet = {
    catalogId: String(e.noradCatId).padStart(5, '0'),
    noradCatId: e.noradCatId,
    objectName: e.name,
    objectId: '2023-999A',
    classification: 'U',
    epoch,
    epochIso: formatIsoUtc(epoch, 6),
    meanMotionRevPerDay: e.meanMotionRevPerDay,
    eccentricity: e.eccentricity,
    inclinationDeg: e.inclinationDeg,
    raanDeg: e.raanDeg,
    argOfPericenterDeg: e.argOfPericenterDeg,
    meanAnomalyDeg: e.meanAnomalyDeg,
    bstarPerEarthRadii: e.bstarPerEarthRadii ?? 0,
    meanMotionDotRevPerDay2: 0,
    meanMotionDdotRevPerDay3: 0,
    ephemerisType: 0,
    elementSetNo: 999,
    revAtEpoch: 1,
    origin: { file: 'synthetic', line: 1, format: 'tle' },
  };
  return { elementSet, regime: classifyRegime(elementSet) };
}

export interface RecallReport {
  readonly referenceEvents: number;
  readonly matched: number;
  readonly missed: readonly ConjunctionEvent[];
  readonly extra: readonly ConjunctionEvent[];
  readonly maxTcaDifferenceMs: number;
  readonly maxMissDifferenceKm: number;
}

/**
 * Match engine events against reference events: same ordered pair, TCA within 1 s, then report the largest
 * TCA and miss differences. Reference events inside a span the engine reports as a persistent proximity of
 * the same pair are not counted (the engine collapses them by design).
 */
export function compareWithReference(
  engine: readonly ConjunctionEvent[],
  reference: readonly ConjunctionEvent[],
  persistent: readonly PersistentProximity[] = [],
): RecallReport {
  const collapsed = (r: ConjunctionEvent) =>
    persistent.some(
      (p) =>
        p.index1 === r.index1 &&
        p.index2 === r.index2 &&
        r.tcaUnixMs >= p.fromUnixMs &&
        r.tcaUnixMs <= p.toUnixMs,
    );
  const byPair = new Map<string, ConjunctionEvent[]>();
  for (const e of engine) {
    const key = `${e.index1}/${e.index2}`;
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  const used = new Set<ConjunctionEvent>();
  const missed: ConjunctionEvent[] = [];
  let matched = 0;
  let maxTcaDifferenceMs = 0;
  let maxMissDifferenceKm = 0;
  let referenceEvents = 0;
  for (const r of reference) {
    const key = `${r.index1}/${r.index2}`;
    if (collapsed(r)) continue;
    referenceEvents += 1;
    const m = byPair.get(key)?.find((e) => !used.has(e) && Math.abs(e.tcaUnixMs - r.tcaUnixMs) < 1000);
    if (!m) {
      missed.push(r);
      continue;
    }
    used.add(m);
    matched += 1;
    maxTcaDifferenceMs = Math.max(maxTcaDifferenceMs, Math.abs(m.tcaUnixMs - r.tcaUnixMs));
    maxMissDifferenceKm = Math.max(maxMissDifferenceKm, Math.abs(m.missKm - r.missKm));
  }
  const extra = engine.filter((e) => !used.has(e));
  return { referenceEvents, matched, missed, extra, maxTcaDifferenceMs, maxMissDifferenceKm };
}
