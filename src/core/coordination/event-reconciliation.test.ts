import { describe, expect, it } from 'vitest';
import { type Detection, eventsToClose, reconcileEvents, type TrackedEvent } from './event-reconciliation.js';
import { planRescreen } from './rescreen-scope.js';

const MIN = 60_000;
const event = (
  id: number,
  tcaUnixMs: number,
  missKm: number,
  pair: [number, number] = [1, 2],
): TrackedEvent => ({
  id,
  primaryNorad: pair[0],
  secondaryNorad: pair[1],
  tcaUnixMs,
  missKm,
  pc: null,
  version: 1,
});
const detection = (tcaUnixMs: number, missKm: number, pair: [number, number] = [1, 2]): Detection => ({
  primaryNorad: pair[0],
  secondaryNorad: pair[1],
  tcaUnixMs,
  missKm,
  pc: null,
});

describe('event reconciliation', () => {
  it('continues the event of the same pair with the nearest TCA, one-to-one', () => {
    // Two approaches of the same pair half an orbit apart (45 min), re-screened with shifted TCAs.
    const existing = [event(1, 0, 1.0), event(2, 45 * MIN, 2.0)];
    const r = reconcileEvents(
      existing,
      [detection(45 * MIN + 20_000, 2.5), detection(-30_000, 0.8)],
      -MIN,
      100 * MIN,
    );
    expect(r.created).toEqual([]);
    expect(
      r.updated.map((u) => [u.event.id, u.detection.missKm]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
    ).toEqual([
      [1, 0.8],
      [2, 2.5],
    ]);
    expect(r.cleared).toEqual([]);
  });

  it('an identical re-screen changes nothing (no version, no alert)', () => {
    const r = reconcileEvents([event(1, 1000, 1.5)], [detection(1000, 1.5)], 0, 10 * MIN);
    expect(r.unchanged).toHaveLength(1);
    expect(r.updated).toHaveLength(0);
    expect(r.created).toHaveLength(0);
  });

  it('a detection beyond the tolerance is a new event; the old one in the window is cleared', () => {
    const r = reconcileEvents([event(1, 0, 1)], [detection(11 * MIN, 1)], 0, 60 * MIN);
    expect(r.created).toHaveLength(1);
    expect(r.cleared.map((e) => e.id)).toEqual([1]);
  });

  it('does not clear events outside the screened window nor match other pairs', () => {
    const r = reconcileEvents(
      [event(1, -5 * MIN, 1), event(2, 5 * MIN, 1, [1, 3])],
      [detection(5 * MIN, 1)],
      0,
      60 * MIN,
    );
    expect(r.created).toHaveLength(1);
    expect(r.cleared.map((e) => e.id)).toEqual([2]);
  });

  it('does not clear events the screening did not cover (an ephemeris gap at their TCA)', () => {
    // Primary 1 given by an ephemeris with a gap from 20 to 30 min: its event at 25 min was not screened.
    const gap = (e: TrackedEvent) => e.primaryNorad === 1 && e.tcaUnixMs > 20 * MIN && e.tcaUnixMs < 30 * MIN;
    const r = reconcileEvents(
      [event(1, 25 * MIN, 1), event(2, 40 * MIN, 1), event(3, 25 * MIN, 1, [4, 5])],
      [],
      0,
      60 * MIN,
      undefined,
      [],
      gap,
    );
    expect(r.cleared.map((e) => e.id)).toEqual([2, 3]);
  });

  it('closes events whose TCA has passed', () => {
    expect(eventsToClose([event(1, 0, 1), event(2, 2000, 1)], 1000).map((e) => e.id)).toEqual([1]);
  });

  it('does not open again an approach whose event was closed', () => {
    // Event 1 was closed (TCA passed); a re-screen from before it finds it again, slightly moved.
    const closedEvent = event(1, 0, 1);
    const r = reconcileEvents(
      [],
      [detection(20_000, 1.2), detection(50 * MIN, 2)],
      -MIN,
      60 * MIN,
      undefined,
      [closedEvent],
    );
    expect(r.closed.map((c) => [c.event.id, c.detection.missKm])).toEqual([[1, 1.2]]);
    expect(r.created.map((d) => d.missKm)).toEqual([2]);
    expect(r.updated).toEqual([]);
    expect(r.cleared).toEqual([]);
  });

  it('prefers an open event to a closed one, and links each closed event once', () => {
    const r = reconcileEvents(
      [event(2, 60_000, 1)],
      [detection(30_000, 1), detection(-30_000, 1), detection(-40_000, 1)],
      -MIN,
      60 * MIN,
      undefined,
      [event(1, -60_000, 1)],
    );
    expect(r.updated.map((u) => [u.event.id, u.detection.tcaUnixMs])).toEqual([[2, 30_000]]);
    expect(r.closed.map((c) => [c.event.id, c.detection.tcaUnixMs])).toEqual([[1, -40_000]]);
    expect(r.created.map((d) => d.tcaUnixMs)).toEqual([-30_000]);
  });
});

describe('re-screen scope', () => {
  it('re-screens touched objects one-vs-all, or everything when too many are touched', () => {
    expect(planRescreen([], 100)).toEqual({ kind: 'none' });
    expect(planRescreen([5, 3, 5], 100)).toEqual({ kind: 'incremental', primaries: [3, 5] });
    expect(planRescreen([...Array(30).keys()], 100)).toEqual({ kind: 'full' });
  });
});
