import { parentPort, workerData } from 'node:worker_threads';
import { createSingleThreadRuntime } from 'satellite.js';
import {
  createInterpolationErrors,
  type InterpolationErrors,
  measureInterpolationErrors,
} from '../../core/screening/interpolation-error.js';
import { BulkKnotFiller } from '../../core/screening/knot-filler.js';
import { screeningSources } from '../../core/screening/object-states.js';
import { screenChunk } from '../../core/screening/screen-chunk.js';
import { buildScreeningPlan } from '../../core/screening/screening-plan.js';
import { unpackRequest } from './packed-request.js';
import type { FromScreenWorker, ScreenWorkerData, ToScreenWorker } from './screen-messages.js';

/**
 * One screening worker: rebuilds the plan from the request (deterministic), keeps its own SGP4 records, WASM
 * bulk propagator and ephemeris interpolators, measures the interpolation error of its share of the knot groups, then screens the time
 * chunks it is handed one at a time (memory bounded by one chunk's knots).
 */
async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('screen-worker must run in a worker thread');
  const request = unpackRequest((workerData as ScreenWorkerData).packed);
  const post = (message: FromScreenWorker, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  try {
    const plan = buildScreeningPlan(request);
    const runtime = await createSingleThreadRuntime();
    const { states, filler } = screeningSources(request.objects, (sgp4) => new BulkKnotFiller(runtime, sgp4));
    let errors: InterpolationErrors | undefined;
    port.on('message', (message: ToScreenWorker) => {
      try {
        if (message.type === 'measure') {
          const measured = createInterpolationErrors(plan.objectCount);
          measureInterpolationErrors(plan, states, filler, message.slice, message.sliceCount, measured);
          post({ type: 'measured', slice: message.slice, errors: measured });
        } else if (message.type === 'errors') {
          errors = message.errors;
        } else {
          if (!errors) throw new Error('chunk requested before the interpolation errors were set');
          const result = screenChunk(plan, errors, states, filler, message.chunk);
          post({ type: 'chunk', result }, [result.candidatePairKeys.buffer as ArrayBuffer]);
        }
      } catch (error) {
        post({
          type: 'failed',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
    });
    post({ type: 'ready' });
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

void run();
