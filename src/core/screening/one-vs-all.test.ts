import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../formats/tle/parse-tle.js';
import { classifyRegime } from '../orbits/regime.js';
import { mergeObjectPartitions, partitionSecondaries } from './object-partitions.js';
import { referenceScreen } from './reference-screener.js';
import { screenCatalog } from './screen-catalog.js';
import { buildScreeningPlan } from './screening-plan.js';
import { compareWithReference } from './screening-test-support.js';
import type { ScreeningObject, ScreeningRequest } from './screening-types.js';

function fixture(name: string): ScreeningObject[] {
  const text = gunzipSync(
    readFileSync(new URL(`../../../test/fixtures/screening/${name}`, import.meta.url)),
  ).toString();
  return parseTle(text, name).records.map((es) => ({ elementSet: es, regime: classifyRegime(es) }));
}

const CATALOG_EPOCH = Date.UTC(2023, 9, 9, 6);
const objects = fixture('dense-leo-550-contiguous.3le.gz');
const window = { startUnixMs: CATALOG_EPOCH, endUnixMs: CATALOG_EPOCH + 1.5 * 3_600_000, thresholdKm: 10 };

/**
 * Primaries: objects that meet others in an all-vs-all screening (so there is something to find), including both
 * objects of one pair (so pairs of two primaries are exercised).
 */
function choosePrimaries(): number[] {
  const all = screenCatalog({ objects, ...window });
  const chosen = new Set<number>();
  for (const e of all.conjunctions) {
    if (chosen.size >= 12) break;
    chosen.add(e.index1);
    if (chosen.size === 1) chosen.add(e.index2);
  }
  return [...chosen].sort((a, b) => a - b);
}

describe('one-vs-all screening (far secondaries skipped until they can reach a primary)', () => {
  const primaryIndices = choosePrimaries();
  // Short chunks: the waiting secondaries are re-armed at every chunk start.
  const request: ScreeningRequest = { objects, ...window, primaryIndices, chunkSteps: 12 };
  const engine = screenCatalog(request);

  it('finds every event of the brute-force reference, TCA within 1 ms and miss within 1 m', () => {
    const reference = referenceScreen(request, { stepS: 2 });
    const report = compareWithReference(engine.conjunctions, reference.conjunctions, engine.persistent);
    expect(report.referenceEvents).toBeGreaterThanOrEqual(12);
    expect(report.missed).toEqual([]);
    expect(report.extra).toEqual([]);
    expect(report.maxTcaDifferenceMs).toBeLessThanOrEqual(1);
    expect(report.maxMissDifferenceKm).toBeLessThanOrEqual(0.001);
    const primary = new Set(primaryIndices);
    expect(engine.conjunctions.some((e) => primary.has(e.index1) && primary.has(e.index2))).toBe(true);
  });

  it('gives the same result split into object partitions, whatever their number', () => {
    const plan = buildScreeningPlan(request);
    for (const count of [2, 3]) {
      const partitions = partitionSecondaries(plan, count);
      expect(partitions).toHaveLength(count);
      // Every secondary in exactly one partition, every primary in all.
      const seen = new Map<number, number>();
      for (const p of partitions) for (const i of p.originalIndex) seen.set(i, (seen.get(i) ?? 0) + 1);
      for (let i = 0; i < objects.length; i++)
        expect(seen.get(i)).toBe(primaryIndices.includes(i) ? count : 1);
      const merged = mergeObjectPartitions(
        request,
        partitions,
        partitions.map((p) => screenCatalog(p.request)),
      );
      expect(merged.conjunctions).toEqual(engine.conjunctions);
      expect(merged.persistent).toEqual(engine.persistent);
      expect(merged.exclusions).toEqual(engine.exclusions);
      expect(merged.stats.objectsScreened).toBe(engine.stats.objectsScreened);
      expect(merged.stats.candidatePairs).toBe(engine.stats.candidatePairs);
      expect(merged.stats.candidateIntervals).toBe(engine.stats.candidateIntervals);
    }
  });
});
