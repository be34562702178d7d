import {
  createInterpolationErrors,
  type InterpolationErrors,
  measureInterpolationErrors,
} from './interpolation-error.js';
import { type KnotFiller, ScalarKnotFiller } from './knot-filler.js';
import { mergeChunkResults } from './merge-results.js';
import { type ChunkResult, screenChunk } from './screen-chunk.js';
import { buildScreeningPlan } from './screening-plan.js';
import type { ScreeningRequest, ScreeningResult } from './screening-types.js';
import { Sgp4States } from './sgp4-states.js';

export interface ScreenCatalogOptions {
  /** Knot source; default exact scalar SGP4. The CLI and workers pass the WASM bulk propagator. */
  readonly createFiller?: (states: Sgp4States) => KnotFiller;
  readonly onProgress?: (doneChunks: number, totalChunks: number) => void;
}

/**
 * Screen in the calling thread, chunk after chunk (memory bounded by one chunk's knots). The worker pool in
 * `src/edges/workers/` runs the same steps in parallel and merges with the same function, so the output is
 * identical whatever the number of threads.
 */
export function screenCatalog(
  request: ScreeningRequest,
  options: ScreenCatalogOptions = {},
): ScreeningResult {
  const plan = buildScreeningPlan(request);
  const states = new Sgp4States(request.objects.map((o) => o.elementSet));
  const errors: InterpolationErrors = createInterpolationErrors(plan.objectCount);
  const filler = options.createFiller ? options.createFiller(states) : new ScalarKnotFiller(states);
  try {
    measureInterpolationErrors(plan, states, filler, 0, 1, errors);
    const chunks: ChunkResult[] = [];
    for (let c = 0; c < plan.chunkCount; c++) {
      chunks.push(screenChunk(plan, errors, states, filler, c));
      options.onProgress?.(c + 1, plan.chunkCount);
    }
    return mergeChunkResults(plan, errors, chunks);
  } finally {
    filler.dispose();
  }
}
