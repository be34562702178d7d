import { describe, expect, it } from 'vitest';
import { buildScreeningPlan } from './screening-plan.js';
import { type SyntheticElements, syntheticObject } from './screening-test-support.js';

const EPOCH_UNIX_MS = Date.UTC(2023, 9, 9, 12);

function object(noradCatId: number, meanMotionRevPerDay: number, eccentricity = 0.0005): SyntheticElements {
  return {
    noradCatId,
    name: `TEST ${noradCatId}`,
    epochUnixMs: EPOCH_UNIX_MS,
    meanMotionRevPerDay,
    eccentricity,
    inclinationDeg: 10 + noradCatId,
    raanDeg: 20 * noradCatId,
    argOfPericenterDeg: 30,
    meanAnomalyDeg: 40 * noradCatId,
  };
}

describe('knot groups of a screening plan', () => {
  // Two geosynchronous-like orbits and one slower deep-space orbit share the longest knot gap; LEO orbits of
  // slightly different periods share theirs. Periods differ, so each member needs its own number of intervals.
  const elements = [
    object(1, 1.0027),
    object(2, 0.9),
    object(3, 0.5),
    object(4, 15.5),
    object(5, 15.45),
    object(6, 14.2),
  ];
  const plan = buildScreeningPlan({
    objects: elements.map(syntheticObject),
    startUnixMs: EPOCH_UNIX_MS,
    endUnixMs: EPOCH_UNIX_MS + 7 * 86_400_000,
    thresholdKm: 5,
  });
  const ownIntervals = (i: number) =>
    Math.ceil((plan.envelopes[i]?.periodS as number) / (plan.knotGapS[i] as number)) + 1;

  it('puts every object in exactly one group of its own knot gap', () => {
    const seen = plan.groups.flatMap((g) => Array.from(g.members));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const g of plan.groups) for (const i of g.members) expect(plan.knotGapS[i]).toBe(g.gapS);
  });

  it('measures each group over at least one orbit plus one interval of every member, at most 25 % more', () => {
    for (const g of plan.groups) {
      const own = Array.from(g.members, ownIntervals);
      expect(g.orbitIntervals).toBe(Math.max(...own));
      expect(g.orbitIntervals).toBeLessThanOrEqual(1.25 * Math.min(...own));
    }
  });

  it('merges members whose interval counts differ by less than 25 % and keeps the others apart', () => {
    const groupOf = (i: number) => plan.groups.findIndex((g) => g.members.includes(i));
    // Same longest gap: 1.0027 and 0.9 rev/day need 49 and 55 intervals (one group), 0.5 rev/day 98 (another).
    expect(plan.knotGapS[0]).toBe(plan.knotGapS[2]);
    expect(groupOf(0)).toBe(groupOf(1));
    expect(groupOf(2)).not.toBe(groupOf(0));
    expect(plan.groups[groupOf(0)]?.orbitIntervals).toBe(Math.max(ownIntervals(0), ownIntervals(1)));
    expect(ownIntervals(0)).not.toBe(ownIntervals(1));
  });
});
