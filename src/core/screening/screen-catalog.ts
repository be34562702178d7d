import { type CoveragePiece, coveragePieces, mergeCoveragePieces } from './coverage-pieces.js';
import {
  createInterpolationErrors,
  type InterpolationErrors,
  measureInterpolationErrors,
} from './interpolation-error.js';
import { type KnotFiller, ScalarKnotFiller } from './knot-filler.js';
import { mergeChunkResults } from './merge-results.js';
import { screeningSources } from './object-states.js';
import { type ChunkResult, screenChunk } from './screen-chunk.js';
import { buildScreeningPlan, type ScreeningPlan } from './screening-plan.js';
import type { ScreeningRequest, ScreeningResult } from './screening-types.js';
import type { Sgp4States } from './sgp4-states.js';

export interface ScreenCatalogOptions {
  /** Knot source of element sets; default exact scalar SGP4. The CLI and workers pass the WASM bulk propagator. */
  readonly createFiller?: (states: Sgp4States) => KnotFiller;
  readonly onProgress?: (doneChunks: number, totalChunks: number) => void;
}

/**
 * Screen in the calling thread, chunk after chunk (memory bounded by one chunk's knots). The worker pool in
 * `src/edges/workers/` runs the same steps in parallel and merges with the same function, so the output is
 * identical whatever the number of threads. Requests with tabulated objects are screened piece by piece where
 * their coverage changes (`coverage-pieces.ts`).
 */
export function screenCatalog(
  request: ScreeningRequest,
  options: ScreenCatalogOptions = {},
): ScreeningResult {
  const coverage = coveragePieces(request);
  const plans = coverage.pieces.map((piece: CoveragePiece) => buildScreeningPlan(piece.request));
  const total = plans.reduce((sum, plan) => sum + plan.chunkCount, 0);
  let done = 0;
  const results = plans.map((plan) =>
    screenPlan(plan, options.createFiller, () => {
      done += 1;
      options.onProgress?.(done, total);
    }),
  );
  return mergeCoveragePieces(request, coverage, results);
}

function screenPlan(
  plan: ScreeningPlan,
  createFiller: ScreenCatalogOptions['createFiller'],
  onChunk: () => void,
): ScreeningResult {
  const { states, filler } = screeningSources(
    plan.request.objects,
    createFiller ?? ((sgp4) => new ScalarKnotFiller(sgp4)),
  );
  const errors: InterpolationErrors = createInterpolationErrors(plan.objectCount);
  try {
    measureInterpolationErrors(plan, states, filler, 0, 1, errors);
    const chunks: ChunkResult[] = [];
    for (let c = 0; c < plan.chunkCount; c++) {
      chunks.push(screenChunk(plan, errors, states, filler, c));
      onChunk();
    }
    return mergeChunkResults(plan, errors, chunks);
  } finally {
    filler.dispose();
  }
}
