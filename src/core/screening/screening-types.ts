import type { ElementSet } from '../orbits/element-set.js';
import type { Regime } from '../orbits/regime.js';
import type { TabulatedEphemeris } from '../orbits/tabulated-ephemeris.js';

/** One object to screen: an element set (SGP4) or an ephemeris. */
export type ScreeningObject = ElementSetObject | EphemerisObject;

/** An object of the catalog: its states are SGP4 of its element set. */
export interface ElementSetObject {
  readonly elementSet: ElementSet;
  readonly regime: Regime;
  readonly ephemeris?: undefined;
}

/**
 * An object given by an ephemeris (e.g. an operator's OEM, converted to TEME): exact states, interpolation knots and
 * envelope all come from its interpolated table. Only as a primary (one-vs-all); outside its coverage it is
 * excluded for that time with `OUTSIDE_EPHEMERIS`.
 */
export interface EphemerisObject {
  readonly ephemeris: TabulatedEphemeris;
  readonly regime: Regime;
  /** Catalog number, when known (orders events like those of element sets). */
  readonly noradCatId?: number;
  readonly elementSet?: undefined;
}

/** Catalog number of an object, when known. */
export function screeningObjectNorad(o: ScreeningObject | undefined): number | undefined {
  return o?.elementSet ? o.elementSet.noradCatId : o?.noradCatId;
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
  /**
   * One-vs-all only: leave out pairs of two primaries (set on all but one of the object partitions of a
   * screening split across workers, so each such pair is screened once).
   */
  readonly skipPrimaryPairs?: boolean;
  /** Exclude element sets older than this at the window start, days (absent = no limit). */
  readonly maxElementSetAgeDays?: number;
  /**
   * Sweep step, s (default 20, one-vs-all 120). Any value is rigorous; it only trades sweep cost against
   * candidate count.
   */
  readonly sweepStepS?: number;
  /** Sweep steps per time chunk (default: 3 h worth). Chunks bound memory and are the unit of parallel work. */
  readonly chunkSteps?: number;
  /**
   * Interpolation knots per SGP4 state for element sets with eccentricity up to 0.1 (default 1 = every knot an
   * SGP4 state; one-vs-all secondaries 3). Any value is rigorous (the error is measured and padded); it trades
   * SGP4 calls against padding.
   */
  readonly sgp4Stride?: number;
}

/**
 * Where an event's minimum lies: a true local minimum, or a minimum clipped (not a TCA) by the window edge or by
 * the start or end of an object's ephemeris coverage (a gap, or a segment boundary such as a manoeuvre).
 */
export type ConjunctionEdge = 'none' | 'window-start' | 'window-end' | 'coverage-start' | 'coverage-end';

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

/** Why an object was not screened (stable codes), over the whole window or only over a span of it. */
export interface ScreeningExclusion {
  readonly index: number;
  /**
   * `STALE_ELEMENT_SET`, `SHELL_FILTER` (one-vs-all only: cannot reach any primary), `OUTSIDE_EPHEMERIS` (no
   * ephemeris state), or an SGP4 code such as `SGP4_DECAYED`.
   */
  readonly code: string;
  readonly detail: string;
  /** When the exclusion holds only over part of the window (ephemeris coverage gaps), Unix ms UTC. */
  readonly fromUnixMs?: number;
  readonly toUnixMs?: number;
}

export interface ScreeningStats {
  readonly objectsInput: number;
  /** Objects propagated and swept (excluding shell-filtered, stale and failed ones). */
  readonly objectsScreened: number;
  /** Objects given by an ephemeris (absent when none). */
  readonly objectsTabulated?: number;
  /** Consecutive time pieces screened separately because ephemeris coverage changes (absent when 1). */
  readonly coveragePieces?: number;
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
  /** SGP4 states the chunks' interpolation knots rest on (one shared by two chunks counts in each). */
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
