import type { ElementSet } from '../orbits/element-set.js';
import type { Regime } from '../orbits/regime.js';

/** One object to screen: its element set and how to name it in reports. */
export interface ScreeningObject {
  readonly elementSet: ElementSet;
  readonly regime: Regime;
}

/** What to screen. Times are Unix milliseconds UTC. */
export interface ScreeningRequest {
  readonly objects: readonly ScreeningObject[];
  readonly startUnixMs: number;
  readonly endUnixMs: number;
  /** Report every local minimum of the range at or below this distance, km. */
  readonly thresholdKm: number;
  /** Indices into `objects`: screen these against everything (one-vs-all); absent = all-vs-all. */
  readonly primaryIndices?: readonly number[];
  /** Exclude element sets older than this at the window start, days (absent = no limit). */
  readonly maxElementSetAgeDays?: number;
  /**
   * Sweep step, s (default 20, one-vs-all 60). Any value is rigorous; it only trades sweep cost against
   * candidate count.
   */
  readonly sweepStepS?: number;
  /** Sweep steps per time chunk (default: 3 h worth). Chunks bound memory and are the unit of parallel work. */
  readonly chunkSteps?: number;
}

/** Where an event's minimum lies: a true local minimum, or a minimum clipped by the window edge (not a TCA). */
export type ConjunctionEdge = 'none' | 'window-start' | 'window-end';

/** One close approach found by a screening; indices refer to `ScreeningRequest.objects`. */
export interface ConjunctionEvent {
  /** The primary: the listed primary in one-vs-all mode, otherwise the lower index. */
  readonly index1: number;
  readonly index2: number;
  /** Time of closest approach, Unix ms UTC (sub-millisecond fraction kept). */
  readonly tcaUnixMs: number;
  readonly missKm: number;
  readonly relSpeedKmS: number;
  /** Position of object 2 minus object 1 at TCA in object 1's RTN frame (radial, transverse, normal), km. */
  readonly missRtnKm: readonly [number, number, number];
  readonly edge: ConjunctionEdge;
}

/**
 * A pair that stayed within the threshold for a long span (docked vehicles, formation flyers): reported once for
 * the span instead of as one event per orbit. The span is made of whole time chunks (at least two, or the whole
 * window); events of the pair outside it are reported as usual.
 */
export interface PersistentProximity {
  readonly index1: number;
  readonly index2: number;
  /** Span during which the range never exceeded the threshold (at the exact samples), Unix ms UTC. */
  readonly fromUnixMs: number;
  readonly toUnixMs: number;
  readonly minRangeKm: number;
  /** Time of the smallest range found, Unix ms UTC. */
  readonly minRangeUnixMs: number;
  /** Largest sampled range over the span, km (≤ threshold by definition). */
  readonly maxRangeKm: number;
  /** Local minima below the threshold that this proximity stands for. */
  readonly collapsedEvents: number;
}

/** Why an object was not screened (stable codes). */
export interface ScreeningExclusion {
  readonly index: number;
  /** `STALE_ELEMENT_SET`, `SHELL_FILTER` (one-vs-all only: cannot reach any primary), or an SGP4 code such as `DECAYED`. */
  readonly code: string;
  readonly detail: string;
}

export interface ScreeningStats {
  readonly objectsInput: number;
  /** Objects propagated and swept (excluding shell-filtered, stale and failed ones). */
  readonly objectsScreened: number;
  readonly excludedByReason: Readonly<Record<string, number>>;
  readonly sweepSteps: number;
  readonly sweepStepS: number;
  readonly chunks: number;
  /** Pair-steps that passed the broad phase (ball overlap on the interpolated states). */
  readonly broadPhasePairSteps: number;
  /** Pair-steps that passed the narrow phase (linear motion bound) and went to refinement. */
  readonly narrowPhasePairSteps: number;
  /** Distinct candidate pair-intervals refined with exact SGP4. */
  readonly candidateIntervals: number;
  /** Distinct candidate pairs refined with exact SGP4. */
  readonly candidatePairs: number;
  readonly knotEvaluations: number;
  readonly exactSgp4Calls: number;
  /** Events dropped because one of their objects failed to propagate later in the window. */
  readonly eventsDroppedForExcludedObjects: number;
  readonly maxInterpolationErrorKm: number;
}

export interface ScreeningResult {
  readonly conjunctions: readonly ConjunctionEvent[];
  readonly persistent: readonly PersistentProximity[];
  readonly exclusions: readonly ScreeningExclusion[];
  readonly stats: ScreeningStats;
}
