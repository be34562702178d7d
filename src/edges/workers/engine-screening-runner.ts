import { classifyRegime } from '../../core/orbits/regime.js';
import {
  type CoveragePlan,
  coveragePieces,
  mergeCoveragePieces,
} from '../../core/screening/coverage-pieces.js';
import { ephemerisObject } from '../../core/screening/ephemeris-object.js';
import type { ExactStates } from '../../core/screening/exact-states.js';
import {
  createInterpolationErrors,
  type InterpolationErrors,
  measureInterpolationErrors,
} from '../../core/screening/interpolation-error.js';
import { type KnotFiller, ScalarKnotFiller } from '../../core/screening/knot-filler.js';
import { mergeChunkResults } from '../../core/screening/merge-results.js';
import { screeningSources } from '../../core/screening/object-states.js';
import { type ChunkResult, screenChunk } from '../../core/screening/screen-chunk.js';
import { buildScreeningPlan, type ScreeningPlan } from '../../core/screening/screening-plan.js';
import {
  type ScreeningObject,
  type ScreeningRequest,
  screeningObjectNorad,
} from '../../core/screening/screening-types.js';
import { epochUnixMs } from '../../core/screening/sgp4-states.js';
import type {
  MergedScreening,
  ScreeningDetection,
  ScreeningInput,
  ScreeningRunner,
  StateSource,
} from './screening-runner.js';

/**
 * A chunk result as JSON (typed arrays become plain arrays), with the coverage piece it belongs to (absent in
 * outputs written before pieces existed: those runs had one piece).
 */
type SerializedChunk = Omit<ChunkResult, 'candidatePairKeys'> & {
  readonly candidatePairKeys: number[];
  readonly piece?: number;
};

/**
 * The engine request of a run: the frozen catalog in catalog-number order, where an ephemeris replaces the
 * element set of its object (objects the catalog does not hold come last), as `concord screen --oem` builds it.
 */
function toRequest(input: ScreeningInput): ScreeningRequest {
  const tabulated = new Map((input.ephemerides ?? []).map((e) => [e.noradCatId, e.ephemeris]));
  const objects: ScreeningObject[] = input.elementSets.map((elementSet) => {
    const ephemeris = tabulated.get(elementSet.noradCatId);
    return ephemeris
      ? ephemerisObject(ephemeris, elementSet.noradCatId)
      : { elementSet, regime: classifyRegime(elementSet) };
  });
  const held = new Set(input.elementSets.map((es) => es.noradCatId));
  for (const e of input.ephemerides ?? [])
    if (!held.has(e.noradCatId)) objects.push(ephemerisObject(e.ephemeris, e.noradCatId));
  const base = {
    objects,
    startUnixMs: input.startUnixMs,
    endUnixMs: input.endUnixMs,
    thresholdKm: input.thresholdKm,
  };
  if (input.primaries === undefined) return base;
  const wanted = new Set(input.primaries);
  const primaryIndices: number[] = [];
  objects.forEach((o, i) => {
    const norad = screeningObjectNorad(o);
    if (norad !== undefined && wanted.has(norad)) primaryIndices.push(i);
  });
  return { ...base, primaryIndices };
}

/**
 * The time pieces of a request (one, the request itself, without ephemerides; see `coveragePieces`) and their
 * plans. Chunks are numbered across pieces in time order: chunk `firstChunk[p] + c` is chunk `c` of piece `p`.
 */
interface PiecePlans {
  readonly coverage: CoveragePlan;
  readonly plans: readonly ScreeningPlan[];
  readonly firstChunk: readonly number[];
  readonly chunkCount: number;
}

function piecePlans(request: ScreeningRequest): PiecePlans {
  const coverage = coveragePieces(request);
  const plans = coverage.pieces.map((piece) => buildScreeningPlan(piece.request));
  const firstChunk: number[] = [];
  let chunkCount = 0;
  for (const plan of plans) {
    firstChunk.push(chunkCount);
    chunkCount += plan.chunkCount;
  }
  return { coverage, plans, firstChunk, chunkCount };
}

function chunkSpan(chunkCount: number, shard: number, shardCount: number): { from: number; to: number } {
  return {
    from: Math.floor((chunkCount * shard) / shardCount),
    to: Math.floor((chunkCount * (shard + 1)) / shardCount),
  };
}

/** Interpolation bounds are measured identically (same knots, same samples) by every process that needs them. */
function prepare(plan: ScreeningPlan): {
  states: ExactStates;
  filler: KnotFiller;
  errors: InterpolationErrors;
} {
  const { states, filler } = screeningSources(plan.request.objects, (sgp4) => new ScalarKnotFiller(sgp4));
  const errors = createInterpolationErrors(plan.objectCount);
  measureInterpolationErrors(plan, states, filler, 0, 1, errors);
  return { states, filler, errors };
}

const sourceOf = (o: ScreeningObject): StateSource => (o.ephemeris ? 'ephemeris' : 'element-set');

/**
 * The Concord screening engine (`src/core/screening/`) behind the runner interface: shards are contiguous ranges of
 * the engine's time chunks, merged with the engine's own merge (the one single-process screening uses), with exact
 * scalar SGP4 knots so every process computes bit-identical chunks. A run with ephemerides is screened piece by
 * piece where their coverage changes and the pieces are joined as `screenCatalog` joins them.
 */
export class EngineScreeningRunner implements ScreeningRunner {
  shardCount(input: ScreeningInput, maxShards: number): number {
    return Math.max(1, Math.min(maxShards, piecePlans(toRequest(input)).chunkCount));
  }

  runShard(input: ScreeningInput, shard: number, shardCount: number): SerializedChunk[] {
    const { plans, firstChunk, chunkCount } = piecePlans(toRequest(input));
    const { from, to } = chunkSpan(chunkCount, shard, shardCount);
    const out: SerializedChunk[] = [];
    plans.forEach((plan, piece) => {
      const first = firstChunk[piece] as number;
      const lo = Math.max(from, first);
      const hi = Math.min(to, first + plan.chunkCount);
      if (lo >= hi) return;
      const { states, filler, errors } = prepare(plan);
      try {
        for (let c = lo; c < hi; c++) {
          const chunk = screenChunk(plan, errors, states, filler, c - first);
          out.push({ ...chunk, candidatePairKeys: Array.from(chunk.candidatePairKeys), piece });
        }
      } finally {
        filler.dispose();
      }
    });
    return out;
  }

  merge(input: ScreeningInput, shardOutputs: readonly unknown[]): MergedScreening {
    const request = toRequest(input);
    const { coverage, plans } = piecePlans(request);
    const chunksOf: ChunkResult[][] = plans.map(() => []);
    for (const { piece, ...c } of (shardOutputs as SerializedChunk[][]).flat())
      chunksOf[piece ?? 0]?.push({ ...c, candidatePairKeys: Float64Array.from(c.candidatePairKeys) });
    const results = plans.map((plan, piece) => {
      const { filler, errors } = prepare(plan);
      filler.dispose();
      return mergeChunkResults(plan, errors, chunksOf[piece] ?? []);
    });
    const result = mergeCoveragePieces(request, coverage, results);
    const detections: ScreeningDetection[] = [];
    for (const ev of result.conjunctions) {
      // A minimum clipped by the window edge or by a change of ephemeris coverage is not a TCA.
      if (ev.edge !== 'none') continue;
      const a = request.objects[ev.index1];
      const b = request.objects[ev.index2];
      const na = screeningObjectNorad(a);
      const nb = screeningObjectNorad(b);
      if (!a || !b || na === undefined || nb === undefined) continue;
      const swap = na > nb;
      const [p, s] = swap ? [b, a] : [a, b];
      detections.push({
        primaryNorad: Math.min(na, nb),
        secondaryNorad: Math.max(na, nb),
        tcaUnixMs: ev.tcaUnixMs,
        missKm: ev.missKm,
        relSpeedKmS: ev.relSpeedKmS,
        missRtnKm: ev.missRtnKm,
        rtnFrameNorad: na,
        pc: null,
        primarySource: sourceOf(p),
        secondarySource: sourceOf(s),
        primaryEpochUnixMs: p.elementSet ? epochUnixMs(p.elementSet) : null,
        secondaryEpochUnixMs: s.elementSet ? epochUnixMs(s.elementSet) : null,
      });
    }
    const outsideEphemeris = result.exclusions.filter((x) => x.code === 'OUTSIDE_EPHEMERIS');
    return {
      detections,
      stats: {
        ...result.stats,
        persistentProximities: result.persistent.length,
        edgeMinimaSkipped: result.conjunctions.length - detections.length,
        exclusions: result.exclusions.length,
        ...(outsideEphemeris.length > 0
          ? {
              outsideEphemeris: outsideEphemeris.map((x) => ({
                noradCatId: screeningObjectNorad(request.objects[x.index]) ?? null,
                fromUtc: new Date(x.fromUnixMs ?? input.startUnixMs).toISOString(),
                toUtc: new Date(x.toUnixMs ?? input.endUnixMs).toISOString(),
              })),
            }
          : {}),
      },
    };
  }
}
