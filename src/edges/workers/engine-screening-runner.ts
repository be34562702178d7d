import { classifyRegime } from '../../core/orbits/regime.js';
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
import type { ScreeningRequest } from '../../core/screening/screening-types.js';
import { epochUnixMs } from '../../core/screening/sgp4-states.js';
import type {
  MergedScreening,
  ScreeningDetection,
  ScreeningInput,
  ScreeningRunner,
} from './screening-runner.js';

/** A chunk result as JSON (typed arrays become plain arrays). */
type SerializedChunk = Omit<ChunkResult, 'candidatePairKeys'> & { readonly candidatePairKeys: number[] };

function toRequest(input: ScreeningInput): ScreeningRequest {
  const objects = input.elementSets.map((elementSet) => ({ elementSet, regime: classifyRegime(elementSet) }));
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
    if (wanted.has(o.elementSet.noradCatId)) primaryIndices.push(i);
  });
  return { ...base, primaryIndices };
}

function chunkSpan(plan: ScreeningPlan, shard: number, shardCount: number): { from: number; to: number } {
  return {
    from: Math.floor((plan.chunkCount * shard) / shardCount),
    to: Math.floor((plan.chunkCount * (shard + 1)) / shardCount),
  };
}

/** Interpolation bounds are measured identically (same knots, same samples) by every process that needs them. */
function prepare(request: ScreeningRequest): {
  plan: ScreeningPlan;
  states: ExactStates;
  filler: KnotFiller;
  errors: InterpolationErrors;
} {
  const plan = buildScreeningPlan(request);
  const { states, filler } = screeningSources(request.objects, (sgp4) => new ScalarKnotFiller(sgp4));
  const errors = createInterpolationErrors(plan.objectCount);
  measureInterpolationErrors(plan, states, filler, 0, 1, errors);
  return { plan, states, filler, errors };
}

/**
 * The Concord screening engine (`src/core/screening/`) behind the runner interface: shards are contiguous ranges of
 * the engine's time chunks, merged with the engine's own merge (the one single-process screening uses), with exact
 * scalar SGP4 knots so every process computes bit-identical chunks.
 */
export class EngineScreeningRunner implements ScreeningRunner {
  shardCount(input: ScreeningInput, maxShards: number): number {
    const plan = buildScreeningPlan(toRequest(input));
    return Math.max(1, Math.min(maxShards, plan.chunkCount));
  }

  runShard(input: ScreeningInput, shard: number, shardCount: number): SerializedChunk[] {
    const { plan, states, filler, errors } = prepare(toRequest(input));
    try {
      const { from, to } = chunkSpan(plan, shard, shardCount);
      const out: SerializedChunk[] = [];
      for (let c = from; c < to; c++) {
        const chunk = screenChunk(plan, errors, states, filler, c);
        out.push({ ...chunk, candidatePairKeys: Array.from(chunk.candidatePairKeys) });
      }
      return out;
    } finally {
      filler.dispose();
    }
  }

  merge(input: ScreeningInput, shardOutputs: readonly unknown[]): MergedScreening {
    const request = toRequest(input);
    const { plan, filler, errors } = prepare(request);
    filler.dispose();
    const chunks: ChunkResult[] = (shardOutputs as SerializedChunk[][])
      .flat()
      .map((c) => ({ ...c, candidatePairKeys: Float64Array.from(c.candidatePairKeys) }));
    const result = mergeChunkResults(plan, errors, chunks);
    const detections: ScreeningDetection[] = [];
    for (const ev of result.conjunctions) {
      if (ev.edge !== 'none') continue; // a minimum clipped by the window edge is not a TCA
      const a = request.objects[ev.index1]?.elementSet;
      const b = request.objects[ev.index2]?.elementSet;
      if (!a || !b) continue;
      const swap = a.noradCatId > b.noradCatId;
      const [p, s] = swap ? [b, a] : [a, b];
      detections.push({
        primaryNorad: p.noradCatId,
        secondaryNorad: s.noradCatId,
        tcaUnixMs: ev.tcaUnixMs,
        missKm: ev.missKm,
        relSpeedKmS: ev.relSpeedKmS,
        missRtnKm: ev.missRtnKm,
        rtnFrameNorad: a.noradCatId,
        pc: null,
        primaryEpochUnixMs: epochUnixMs(p),
        secondaryEpochUnixMs: epochUnixMs(s),
      });
    }
    return {
      detections,
      stats: {
        ...result.stats,
        persistentProximities: result.persistent.length,
        edgeMinimaSkipped: result.conjunctions.length - detections.length,
        exclusions: result.exclusions.length,
      },
    };
  }
}
