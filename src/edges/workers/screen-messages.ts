import type { InterpolationErrors } from '../../core/screening/interpolation-error.js';
import type { ChunkResult } from '../../core/screening/screen-chunk.js';
import type { PackedRequest } from './packed-request.js';

/** Messages between the screening pool (main thread) and its workers; all plain, structured-clonable data. */
export interface ScreenWorkerData {
  readonly packed: PackedRequest;
}

export type ToScreenWorker =
  | { readonly type: 'measure'; readonly slice: number; readonly sliceCount: number }
  | { readonly type: 'errors'; readonly errors: InterpolationErrors }
  | { readonly type: 'chunk'; readonly chunk: number };

export type FromScreenWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'measured'; readonly slice: number; readonly errors: InterpolationErrors }
  | { readonly type: 'chunk'; readonly result: ChunkResult }
  | { readonly type: 'failed'; readonly message: string };
