import type { ElementSet } from '../orbits/element-set.js';
import { classifyRegime, type Regime } from '../orbits/regime.js';
import { daysBetween } from '../time/julian-date.js';
import type { UtcInstant } from '../time/time-scale.js';
import type { ObjectType, SatcatEntry } from './satcat-entry.js';

/** One object of the catalog: its newest element set joined with its SATCAT entry (when one exists). */
export interface CatalogObject {
  readonly elementSet: ElementSet;
  readonly satcat?: SatcatEntry;
  readonly regime: Regime;
  readonly objectType: ObjectType;
  /** Whether `objectType` comes from SATCAT or was inferred from the name (`R/B`, `DEB`) for lack of one. */
  readonly objectTypeSource: 'satcat' | 'name' | 'unknown';
  /** Owner / country code from SATCAT; `UNKNOWN` without an entry. */
  readonly ownerCode: string;
  /** Reference time minus element-set epoch, days. */
  readonly elementSetAgeDays: number;
}

/** Two element sets for the same object were merged; what happened to the one that lost. */
export interface CatalogMergeEvent {
  readonly noradCatId: number;
  /** `duplicate`: same epoch and same elements (dropped silently but counted); `superseded`: an older epoch;
   * `conflict`: same epoch, different elements (the first one read is kept). */
  readonly kind: 'duplicate' | 'superseded' | 'conflict';
  readonly kept: ElementSet['origin'];
  readonly dropped: ElementSet['origin'];
  readonly detail: string;
}

export interface Catalog {
  /** Objects ordered by NORAD catalog number. */
  readonly objects: readonly CatalogObject[];
  /** Element-set ages are relative to this instant (UTC). */
  readonly referenceTime: UtcInstant;
  /** `given` by the caller, or `epoch-p99`: the 99th percentile of element-set epochs, an estimate of when the
   * snapshot was taken that ignores the few sets published with epochs days ahead (decay predictions). */
  readonly referenceTimeSource: 'given' | 'epoch-p99';
  readonly merges: readonly CatalogMergeEvent[];
  readonly satcatEntriesUsed: number;
  readonly satcatEntriesUnmatched: number;
}

export interface BuildCatalogOptions {
  /** Reference time for element-set ages; default: the 99th percentile of the epochs (see `referenceTimeSource`). */
  readonly referenceTime?: UtcInstant;
}

function sameElements(a: ElementSet, b: ElementSet): boolean {
  return (
    a.meanMotionRevPerDay === b.meanMotionRevPerDay &&
    a.eccentricity === b.eccentricity &&
    a.inclinationDeg === b.inclinationDeg &&
    a.raanDeg === b.raanDeg &&
    a.argOfPericenterDeg === b.argOfPericenterDeg &&
    a.meanAnomalyDeg === b.meanAnomalyDeg &&
    a.bstarPerEarthRadii === b.bstarPerEarthRadii
  );
}

function objectTypeFromName(name: string): ObjectType | undefined {
  // Space-Track names debris `... DEB` and rocket bodies `... R/B`; anything else stays unknown.
  if (/\bR\/B\b/.test(name)) return 'ROCKET BODY';
  if (/\bDEB\b/.test(name)) return 'DEBRIS';
  return undefined;
}

/** The 99th percentile of the element-set epochs (UTC); J2000 for an empty catalog. */
export function snapshotTimeEstimate(elementSets: readonly ElementSet[]): UtcInstant {
  if (elementSets.length === 0) return { scale: 'UTC', jd: { whole: 2_451_544.5, fraction: 0.5 } };
  const sorted = [...elementSets].sort((a, b) => daysBetween(b.epoch.jd, a.epoch.jd));
  const index = Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)));
  return (sorted[index] as ElementSet).epoch;
}

/**
 * Build one catalog from element sets (any mix of sources) and SATCAT entries.
 * Per object the newest epoch wins; every element set that loses is reported as a merge event.
 */
export function buildCatalog(
  elementSets: readonly ElementSet[],
  satcat: readonly SatcatEntry[],
  options: BuildCatalogOptions = {},
): Catalog {
  const newest = new Map<number, ElementSet>();
  const merges: CatalogMergeEvent[] = [];
  for (const es of elementSets) {
    const current = newest.get(es.noradCatId);
    if (!current) {
      newest.set(es.noradCatId, es);
      continue;
    }
    const ageDays = daysBetween(current.epoch.jd, es.epoch.jd);
    if (ageDays > 0) {
      newest.set(es.noradCatId, es);
      merges.push({
        noradCatId: es.noradCatId,
        kind: 'superseded',
        kept: es.origin,
        dropped: current.origin,
        detail: `epoch ${current.epochIso} replaced by newer ${es.epochIso}`,
      });
    } else if (ageDays < 0) {
      merges.push({
        noradCatId: es.noradCatId,
        kind: 'superseded',
        kept: current.origin,
        dropped: es.origin,
        detail: `epoch ${es.epochIso} older than ${current.epochIso}`,
      });
    } else if (sameElements(current, es)) {
      merges.push({
        noradCatId: es.noradCatId,
        kind: 'duplicate',
        kept: current.origin,
        dropped: es.origin,
        detail: `same element set at ${es.epochIso}`,
      });
    } else {
      merges.push({
        noradCatId: es.noradCatId,
        kind: 'conflict',
        kept: current.origin,
        dropped: es.origin,
        detail: `two different element sets with the same epoch ${es.epochIso}; the first one read is kept`,
      });
    }
  }

  const satcatById = new Map<number, SatcatEntry>();
  for (const entry of satcat) satcatById.set(entry.noradCatId, entry);

  const referenceTime = options.referenceTime ?? snapshotTimeEstimate([...newest.values()]);
  const reference = referenceTime;

  let satcatEntriesUsed = 0;
  const ids = [...newest.keys()].sort((a, b) => a - b);
  const objects = ids.map((id): CatalogObject => {
    const es = newest.get(id) as ElementSet;
    const entry = satcatById.get(id);
    const base = {
      elementSet: es,
      regime: classifyRegime(es),
      elementSetAgeDays: daysBetween(es.epoch.jd, reference.jd),
    };
    if (entry) {
      satcatEntriesUsed += 1;
      return {
        ...base,
        satcat: entry,
        objectType: entry.objectType,
        objectTypeSource: 'satcat',
        ownerCode: entry.ownerCode,
      };
    }
    const inferred = objectTypeFromName(es.objectName);
    return inferred
      ? { ...base, objectType: inferred, objectTypeSource: 'name', ownerCode: 'UNKNOWN' }
      : { ...base, objectType: 'UNKNOWN', objectTypeSource: 'unknown', ownerCode: 'UNKNOWN' };
  });

  return {
    objects,
    referenceTime: reference,
    referenceTimeSource: options.referenceTime ? 'given' : 'epoch-p99',
    merges,
    satcatEntriesUsed,
    satcatEntriesUnmatched: satcatById.size - satcatEntriesUsed,
  };
}
