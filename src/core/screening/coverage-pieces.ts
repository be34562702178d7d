import { segmentCovering } from '../orbits/tabulated-ephemeris.js';
import { compareEventsOf } from './merge-results.js';
import type {
  ConjunctionEvent,
  PersistentProximity,
  ScreeningExclusion,
  ScreeningObject,
  ScreeningRequest,
  ScreeningResult,
} from './screening-types.js';

/** One time piece of a request: a sub-window in which every tabulated object present is covered by one segment. */
export interface CoveragePiece {
  readonly request: ScreeningRequest;
  /** Original index of each piece index. */
  readonly originalIndex: Int32Array;
  /** Per original index: −2 absent from the piece, −1 element set, else the ephemeris segment used. */
  readonly segmentOf: Int32Array;
}

export interface CoveragePlan {
  /** Pieces in time order (pieces without any primary to screen are left out). */
  readonly pieces: readonly CoveragePiece[];
  /** One `OUTSIDE_EPHEMERIS` exclusion per span of the window a tabulated object has no ephemeris for. */
  readonly exclusions: readonly ScreeningExclusion[];
}

const iso = (unixMs: number) => new Date(unixMs).toISOString();

/**
 * Split a request where the coverage of its tabulated objects changes (gaps, segment boundaries), so that each
 * piece holds, besides every element set, the tabulated objects covered over all of it, each restricted to the one
 * segment doing so (no interpolation across a segment boundary). Without tabulated objects: the request itself.
 */
export function coveragePieces(request: ScreeningRequest): CoveragePlan {
  const n = request.objects.length;
  const W0 = request.startUnixMs;
  const W1 = request.endUnixMs;
  const tabulated: number[] = [];
  request.objects.forEach((o, i) => {
    if (o.ephemeris) tabulated.push(i);
  });
  if (tabulated.length === 0) {
    return {
      pieces: [
        {
          request,
          originalIndex: Int32Array.from({ length: n }, (_, i) => i),
          segmentOf: new Int32Array(n).fill(-1),
        },
      ],
      exclusions: [],
    };
  }
  const cuts = new Set<number>([W0, W1]);
  for (const i of tabulated) {
    for (const s of request.objects[i]?.ephemeris?.segments ?? []) {
      for (const t of [s.usableStartUnixMs, s.usableStopUnixMs]) if (t > W0 && t < W1) cuts.add(t);
    }
  }
  const times = [...cuts].sort((a, b) => a - b);
  // Elementary spans, then runs of spans with the same segment per tabulated object.
  const runs: { from: number; to: number; segments: number[] }[] = [];
  for (let k = 0; k + 1 < times.length; k++) {
    const from = times[k] as number;
    const to = times[k + 1] as number;
    const segments = tabulated.map((i) => {
      const e = request.objects[i]?.ephemeris;
      return e ? segmentCovering(e, from, to) : -1;
    });
    const last = runs[runs.length - 1];
    if (last?.segments.every((s, m) => s === segments[m])) last.to = to;
    else runs.push({ from, to, segments });
  }
  const exclusions: ScreeningExclusion[] = [];
  tabulated.forEach((i, m) => {
    let gapFrom: number | undefined;
    runs.forEach((run, r) => {
      const covered = (run.segments[m] as number) >= 0;
      if (!covered && gapFrom === undefined) gapFrom = run.from;
      const next = runs[r + 1];
      if (gapFrom !== undefined && (!next || (next.segments[m] as number) >= 0)) {
        exclusions.push({
          index: i,
          code: 'OUTSIDE_EPHEMERIS',
          detail: `no ephemeris from ${iso(gapFrom)} to ${iso(run.to)}: not screened over that span`,
          fromUnixMs: gapFrom,
          toUnixMs: run.to,
        });
        gapFrom = undefined;
      }
    });
  });
  const primaries = request.primaryIndices ? new Set(request.primaryIndices) : undefined;
  const pieces: CoveragePiece[] = [];
  for (const run of runs) {
    const originalIndex: number[] = [];
    const segmentOf = new Int32Array(n).fill(-2);
    const objects: ScreeningObject[] = [];
    request.objects.forEach((o, i) => {
      if (!o.ephemeris) {
        segmentOf[i] = -1;
        originalIndex.push(i);
        objects.push(o);
        return;
      }
      const k = run.segments[tabulated.indexOf(i)] as number;
      const segment = o.ephemeris.segments[k];
      if (!segment) return;
      segmentOf[i] = k;
      originalIndex.push(i);
      objects.push({ ...o, ephemeris: { segments: [segment] } });
    });
    const compactOf = new Map(originalIndex.map((i, c) => [i, c]));
    const piecePrimaries = request.primaryIndices
      ?.map((p) => compactOf.get(p))
      .filter((p): p is number => p !== undefined);
    if (primaries && piecePrimaries?.length === 0) continue;
    pieces.push({
      request: {
        ...request,
        objects,
        startUnixMs: run.from,
        endUnixMs: run.to,
        ...(piecePrimaries ? { primaryIndices: piecePrimaries } : {}),
      },
      originalIndex: Int32Array.from(originalIndex),
      segmentOf,
    });
  }
  return { pieces, exclusions };
}

interface PieceOutcome {
  readonly piece: CoveragePiece;
  readonly result: ScreeningResult;
  /** Original indices excluded (for any reason) over the whole piece. */
  readonly excluded: Set<number>;
}

/**
 * Join the piece results into one result on the original indices. At a boundary between two pieces, a pair whose
 * two objects go on unchanged (same segment, screened on both sides) has no minimum there: the clipped 'window'
 * events of the two pieces at that instant are artefacts and dropped (the true minimum, if any, lies inside one
 * piece and was found there), and its persistent proximities on both sides become one. Minima clipped by a change
 * of coverage of one of the pair's objects are kept as `coverage-start`/`coverage-end`.
 */
export function mergeCoveragePieces(
  request: ScreeningRequest,
  plan: CoveragePlan,
  results: readonly ScreeningResult[],
): ScreeningResult {
  const only = plan.pieces[0];
  if (plan.pieces.length === 1 && plan.exclusions.length === 0 && only?.request === request && results[0])
    return results[0];
  const outcomes: PieceOutcome[] = plan.pieces.map((piece, p) => {
    const result = results[p] as ScreeningResult;
    const excluded = new Set<number>();
    for (const x of result.exclusions)
      if (x.fromUnixMs === undefined) excluded.add(piece.originalIndex[x.index] as number);
    return { piece, result, excluded };
  });
  const W0 = request.startUnixMs;
  const W1 = request.endUnixMs;
  /** Do both objects go on unchanged from piece p to piece p + 1 (which must start where p ends)? */
  const continues = (p: number, i: number, j: number): boolean => {
    const a = outcomes[p];
    const b = outcomes[p + 1];
    if (!a || !b || a.piece.request.endUnixMs !== b.piece.request.startUnixMs) return false;
    return [i, j].every(
      (x) =>
        (a.piece.segmentOf[x] as number) >= -1 &&
        a.piece.segmentOf[x] === b.piece.segmentOf[x] &&
        !a.excluded.has(x) &&
        !b.excluded.has(x),
    );
  };
  const conjunctions: ConjunctionEvent[] = [];
  const persistent: { p: number; value: PersistentProximity }[] = [];
  outcomes.forEach(({ piece, result }, p) => {
    const o = (i: number) => piece.originalIndex[i] as number;
    const start = piece.request.startUnixMs;
    const end = piece.request.endUnixMs;
    for (const e of result.conjunctions) {
      const ev = { ...e, index1: o(e.index1), index2: o(e.index2) };
      if (ev.edge === 'window-end' && ev.tcaUnixMs === end && end < W1) {
        if (continues(p, ev.index1, ev.index2)) continue;
        conjunctions.push({ ...ev, edge: 'coverage-end' });
      } else if (ev.edge === 'window-start' && ev.tcaUnixMs === start && start > W0) {
        if (continues(p - 1, ev.index1, ev.index2)) continue;
        conjunctions.push({ ...ev, edge: 'coverage-start' });
      } else conjunctions.push(ev);
    }
    for (const x of result.persistent)
      persistent.push({ p, value: { ...x, index1: o(x.index1), index2: o(x.index2) } });
  });
  persistent.sort(
    (a, b) =>
      a.value.index1 - b.value.index1 ||
      a.value.index2 - b.value.index2 ||
      a.value.fromUnixMs - b.value.fromUnixMs,
  );
  const joined: { p: number; value: PersistentProximity }[] = [];
  for (const item of persistent) {
    const last = joined[joined.length - 1];
    const v = item.value;
    if (
      last &&
      last.value.index1 === v.index1 &&
      last.value.index2 === v.index2 &&
      last.value.toUnixMs === v.fromUnixMs &&
      item.p === last.p + 1 &&
      continues(last.p, v.index1, v.index2)
    ) {
      const u = last.value;
      const closer = v.minRangeKm < u.minRangeKm ? v : u;
      last.p = item.p;
      last.value = {
        ...u,
        toUnixMs: v.toUnixMs,
        minRangeKm: closer.minRangeKm,
        minRangeUnixMs: closer.minRangeUnixMs,
        maxRangeKm: Math.max(u.maxRangeKm, v.maxRangeKm),
        collapsedEvents: u.collapsedEvents + v.collapsedEvents,
      };
    } else joined.push({ ...item });
  }
  conjunctions.sort((a, b) => compareEventsOf(request.objects, a, b));

  // Exclusions: once for the whole window when an object was excluded for the same reason in every piece it was
  // in, else once per piece with that piece's span; then the coverage gaps.
  const exclusions: ScreeningExclusion[] = [...plan.exclusions];
  const byKey = new Map<string, { index: number; code: string; detail: string; pieces: number[] }>();
  outcomes.forEach(({ piece, result }, p) => {
    for (const x of result.exclusions) {
      const index = piece.originalIndex[x.index] as number;
      const key = `${index}/${x.code}`;
      const entry = byKey.get(key);
      if (entry) entry.pieces.push(p);
      else byKey.set(key, { index, code: x.code, detail: x.detail, pieces: [p] });
    }
  });
  for (const entry of byKey.values()) {
    const present = outcomes.filter((o) => (o.piece.segmentOf[entry.index] as number) >= -1).length;
    if (entry.pieces.length === present) {
      exclusions.push({ index: entry.index, code: entry.code, detail: entry.detail });
      continue;
    }
    for (const p of entry.pieces) {
      const r = (outcomes[p] as PieceOutcome).piece.request;
      exclusions.push({
        index: entry.index,
        code: entry.code,
        detail: `${entry.detail} (from ${iso(r.startUnixMs)} to ${iso(r.endUnixMs)})`,
        fromUnixMs: r.startUnixMs,
        toUnixMs: r.endUnixMs,
      });
    }
  }
  exclusions.sort((a, b) => a.index - b.index || (a.fromUnixMs ?? W0) - (b.fromUnixMs ?? W0));
  const excludedObjects = new Map<string, Set<number>>();
  for (const x of exclusions) {
    const set = excludedObjects.get(x.code) ?? new Set<number>();
    set.add(x.index);
    excludedObjects.set(x.code, set);
  }
  const excludedByReason: Record<string, number> = {};
  for (const [code, set] of excludedObjects) excludedByReason[code] = set.size;

  const screened = new Set<number>();
  for (const { piece, excluded } of outcomes)
    for (const i of piece.originalIndex) if (!excluded.has(i)) screened.add(i);
  const sum = (f: (r: ScreeningResult) => number) => outcomes.reduce((acc, o) => acc + f(o.result), 0);
  const first = outcomes[0]?.result.stats;
  return {
    conjunctions,
    persistent: joined.map((j) => j.value),
    exclusions,
    stats: {
      objectsInput: request.objects.length,
      objectsScreened: screened.size,
      objectsTabulated: request.objects.filter((o) => o.ephemeris).length,
      coveragePieces: outcomes.length,
      excludedByReason,
      sweepSteps: sum((r) => r.stats.sweepSteps),
      sweepStepS: first?.sweepStepS ?? 0,
      chunks: sum((r) => r.stats.chunks),
      broadPhasePairSteps: sum((r) => r.stats.broadPhasePairSteps),
      narrowPhasePairSteps: sum((r) => r.stats.narrowPhasePairSteps),
      candidateIntervals: sum((r) => r.stats.candidateIntervals),
      candidatePairs: sum((r) => r.stats.candidatePairs),
      knotEvaluations: sum((r) => r.stats.knotEvaluations),
      exactSgp4Calls: sum((r) => r.stats.exactSgp4Calls),
      eventsDroppedForExcludedObjects: sum((r) => r.stats.eventsDroppedForExcludedObjects),
      maxInterpolationErrorKm: outcomes.reduce(
        (m, o) => Math.max(m, o.result.stats.maxInterpolationErrorKm),
        0,
      ),
    },
  };
}
