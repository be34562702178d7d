import type { ElementSet } from '../../core/orbits/element-set.js';
import type { TabulatedEphemeris } from '../../core/orbits/tabulated-ephemeris.js';

/** A primary whose states come from an ephemeris (TEME, UTC) instead of its element set. */
export interface InputEphemeris {
  readonly noradCatId: number;
  readonly ephemeris: TabulatedEphemeris;
}

/** Where the states of one object of a detection came from. */
export type StateSource = 'element-set' | 'ephemeris';

/** A screening as the service runs it: a frozen catalog, a window (Unix ms UTC), a threshold (km), optional primaries. */
export interface ScreeningInput {
  /** Element sets in catalog-number order. */
  readonly elementSets: readonly ElementSet[];
  readonly startUnixMs: number;
  readonly endUnixMs: number;
  readonly thresholdKm: number;
  /** Catalog numbers screened one-vs-all against everything; absent = all-vs-all. */
  readonly primaries?: readonly number[];
  /**
   * Primaries (one-vs-all only: each must be listed in `primaries`) given by an ephemeris: it replaces their
   * element set, as `concord screen --oem` does; where it has no state the primary is not screened
   * (`OUTSIDE_EPHEMERIS`).
   */
  readonly ephemerides?: readonly InputEphemeris[];
}

/** One close approach, pair ordered by catalog number (primaryNorad < secondaryNorad). */
export interface ScreeningDetection {
  readonly primaryNorad: number;
  readonly secondaryNorad: number;
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  /** Miss vector at TCA (other object minus `rtnFrameNorad`) in the RTN frame of object `rtnFrameNorad`, km. */
  readonly missRtnKm: readonly [number, number, number];
  readonly rtnFrameNorad: number;
  /** Collision probability when computed, otherwise null. */
  readonly pc: number | null;
  /**
   * Element-set and ephemeris ids are filled by the coordinator; the runner reports where each state came from
   * and the epochs of the element sets used (Unix ms UTC; null for an object given by an ephemeris).
   */
  readonly primarySource: StateSource;
  readonly secondarySource: StateSource;
  readonly primaryEpochUnixMs: number | null;
  readonly secondaryEpochUnixMs: number | null;
}

export interface MergedScreening {
  readonly detections: readonly ScreeningDetection[];
  readonly stats: Readonly<Record<string, unknown>>;
}

/**
 * The screening engine seen by the coordinator: split a screening into shards that any process can run (the output
 * is plain JSON), and merge the shard outputs. Merging the same outputs always gives the same detections, so a
 * screening run by one process or by many workers (with retries) yields identical events.
 */
export interface ScreeningRunner {
  shardCount(input: ScreeningInput, maxShards: number): number;
  runShard(input: ScreeningInput, shard: number, shardCount: number): unknown;
  merge(input: ScreeningInput, shardOutputs: readonly unknown[]): MergedScreening;
}
