import type { Catalog } from './catalog.js';

export interface AgeStatistics {
  readonly minDays: number;
  readonly medianDays: number;
  readonly p90Days: number;
  readonly maxDays: number;
  /** Objects whose element set is older than 1, 3, 7 and 30 days at the reference time. */
  readonly olderThan: {
    readonly '1': number;
    readonly '3': number;
    readonly '7': number;
    readonly '30': number;
  };
}

export interface CatalogSummary {
  readonly objects: number;
  readonly byObjectType: Readonly<Record<string, number>>;
  readonly byOwner: Readonly<Record<string, number>>;
  readonly byRegime: Readonly<Record<string, number>>;
  readonly objectTypeInferredFromName: number;
  readonly elementSetAge: AgeStatistics;
  readonly merges: { readonly duplicate: number; readonly superseded: number; readonly conflict: number };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  // Largest first, then alphabetical, so printed tables and JSON are stable.
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[index] ?? Number.NaN;
}

export function summarizeCatalog(catalog: Catalog): CatalogSummary {
  const ages = Float64Array.from(catalog.objects, (o) => o.elementSetAgeDays).sort();
  const older = (days: number) => catalog.objects.filter((o) => o.elementSetAgeDays > days).length;
  return {
    objects: catalog.objects.length,
    byObjectType: countBy(catalog.objects, (o) => o.objectType),
    byOwner: countBy(catalog.objects, (o) => o.ownerCode),
    byRegime: countBy(catalog.objects, (o) => o.regime),
    objectTypeInferredFromName: catalog.objects.filter((o) => o.objectTypeSource === 'name').length,
    elementSetAge: {
      minDays: quantile(ages, 0),
      medianDays: quantile(ages, 0.5),
      p90Days: quantile(ages, 0.9),
      maxDays: quantile(ages, 1),
      olderThan: { '1': older(1), '3': older(3), '7': older(7), '30': older(30) },
    },
    merges: {
      duplicate: catalog.merges.filter((m) => m.kind === 'duplicate').length,
      superseded: catalog.merges.filter((m) => m.kind === 'superseded').length,
      conflict: catalog.merges.filter((m) => m.kind === 'conflict').length,
    },
  };
}
