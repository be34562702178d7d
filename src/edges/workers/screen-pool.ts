import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compactRequest, expandCompactResult } from '../../core/screening/compact-request.js';
import { coveragePieces, mergeCoveragePieces } from '../../core/screening/coverage-pieces.js';
import {
  createInterpolationErrors,
  mergeInterpolationErrors,
} from '../../core/screening/interpolation-error.js';
import { mergeChunkResults } from '../../core/screening/merge-results.js';
import { mergeObjectPartitions, partitionSecondaries } from '../../core/screening/object-partitions.js';
import type { ChunkResult } from '../../core/screening/screen-chunk.js';
import { buildScreeningPlan, type ScreeningPlan } from '../../core/screening/screening-plan.js';
import type { ScreeningRequest, ScreeningResult } from '../../core/screening/screening-types.js';
import { packRequest } from './packed-request.js';
import type { FromScreenWorker, ScreenWorkerData, ToScreenWorker } from './screen-messages.js';

export interface ScreenPoolOptions {
  /** Worker threads (default: all available cores). */
  readonly workers?: number;
  readonly onProgress?: (doneChunks: number, totalChunks: number) => void;
}

/** The compiled worker entry (workers run JavaScript from `dist/`, also when this module is loaded from `src/`). */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const compiled = here.replace(
      /([\\/])src([\\/])edges([\\/])workers([\\/])screen-pool\.ts$/,
      '$1dist$2edges$3workers$4screen-worker.js',
    );
    return new URL(`file://${compiled}`);
  }
  return new URL('./screen-worker.js', import.meta.url);
}

/**
 * Screen with worker threads: each worker measures the interpolation error of a share of the knot groups,
 * then takes time chunks one by one as it finishes the previous one. Results are merged by chunk index with
 * the same function as the single-thread path, so the output does not depend on the number of workers.
 * Requests with tabulated objects run piece by piece where their coverage changes, as in `screenCatalog`.
 */
export async function screenWithWorkers(
  request: ScreeningRequest,
  options: ScreenPoolOptions = {},
): Promise<ScreeningResult> {
  const coverage = coveragePieces(request);
  const plans = coverage.pieces.map((piece) => buildScreeningPlan(piece.request));
  const total = plans.reduce((sum, plan) => sum + plan.chunkCount, 0);
  let before = 0;
  const results: ScreeningResult[] = [];
  for (const full of plans) {
    const offset = before;
    const onProgress = (done: number) => options.onProgress?.(offset + done, total);
    results.push(await screenPiece(full, { ...options, onProgress }));
    before += full.chunkCount;
  }
  return mergeCoveragePieces(request, coverage, results);
}

async function screenPiece(full: ScreeningPlan, options: ScreenPoolOptions): Promise<ScreeningResult> {
  if (full.exclusions.length > 0) {
    // Workers get only the objects that will be propagated (one-vs-all leaves most of the catalog out).
    const compact = compactRequest(full);
    return expandCompactResult(full, compact, await screenActive(compact.request, options));
  }
  return screenActive(full.request, options);
}

async function screenActive(request: ScreeningRequest, options: ScreenPoolOptions): Promise<ScreeningResult> {
  const plan = buildScreeningPlan(request);
  const wanted = Math.max(1, options.workers ?? availableParallelism());
  if (plan.oneVsAll && wanted > 1) {
    // One-vs-all splits by secondaries, one worker each: no worker propagates another's share.
    const partitions = partitionSecondaries(plan, wanted);
    const done = partitions.map(() => 0);
    const results = await Promise.all(
      partitions.map((part, p) =>
        runWorkers(part.request, 1, (d) => {
          done[p] = d;
          const sum = done.reduce((a, b) => a + b, 0);
          options.onProgress?.(Math.floor(sum / partitions.length), plan.chunkCount);
        }),
      ),
    );
    return mergeObjectPartitions(request, partitions, results);
  }
  return runWorkers(request, Math.min(wanted, Math.max(plan.chunkCount, 1)), options.onProgress);
}

/** Screen a request with `count` workers sharing its time chunks. */
async function runWorkers(
  request: ScreeningRequest,
  count: number,
  onProgress: ScreenPoolOptions['onProgress'],
): Promise<ScreeningResult> {
  const plan = buildScreeningPlan(request);
  const data: ScreenWorkerData = { packed: packRequest(request) };
  // Workers must not inherit flags meant for an `--eval` parent (e.g. --input-type).
  const execArgv = process.execArgv.filter(
    (a) => !a.startsWith('--input-type') && a !== '-e' && a !== '--eval',
  );
  const workers = Array.from(
    { length: count },
    () => new Worker(workerEntry(), { workerData: data, execArgv }),
  );
  const errors = createInterpolationErrors(plan.objectCount);
  const results: ChunkResult[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let ready = 0;
      let measured = 0;
      let nextChunk = 0;
      let doneChunks = 0;
      const send = (w: Worker, m: ToScreenWorker) => w.postMessage(m);
      const dispatch = (w: Worker) => {
        if (nextChunk < plan.chunkCount) {
          send(w, { type: 'chunk', chunk: nextChunk });
          nextChunk += 1;
        }
      };
      workers.forEach((w, k) => {
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && doneChunks < plan.chunkCount)
            reject(new Error(`screening worker exited with code ${code}`));
        });
        w.on('message', (message: FromScreenWorker) => {
          if (message.type === 'failed') {
            reject(new Error(`screening worker failed: ${message.message}`));
          } else if (message.type === 'ready') {
            ready += 1;
            send(w, { type: 'measure', slice: k, sliceCount: count });
          } else if (message.type === 'measured') {
            mergeInterpolationErrors(plan, errors, message.errors, message.slice, count);
            measured += 1;
            if (measured === count) {
              for (const other of workers) send(other, { type: 'errors', errors });
              if (plan.chunkCount === 0) resolve();
              for (const other of workers) dispatch(other);
            }
          } else {
            results.push(message.result);
            doneChunks += 1;
            onProgress?.(doneChunks, plan.chunkCount);
            if (doneChunks === plan.chunkCount) resolve();
            else dispatch(w);
          }
          void ready;
        });
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return mergeChunkResults(plan, errors, results);
}
