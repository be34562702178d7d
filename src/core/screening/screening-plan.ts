import { segmentCovering } from '../orbits/tabulated-ephemeris.js';
import { ephemerisEnvelope } from './ephemeris-envelope.js';
import { EphemerisStateSource } from './ephemeris-states.js';
import { type OrbitEnvelope, orbitEnvelope } from './orbit-envelope.js';
import { radialRangeKm } from './radial-range.js';
import type {
  EphemerisObject,
  ScreeningExclusion,
  ScreeningObject,
  ScreeningRequest,
} from './screening-types.js';
import { epochUnixMs } from './sgp4-states.js';

/** Objects sharing one knot gap: they are propagated together (same knot times). */
export interface KnotGroup {
  readonly gapS: number;
  /**
   * Knot intervals the interpolation error is measured over: one orbit plus one for element sets, the whole
   * window plus one for tabulated objects (an ephemeris may hold manoeuvres: no orbit stands for the others).
   */
  readonly orbitIntervals: number;
  readonly members: Int32Array;
  /** True for a group of tabulated objects (never mixed with element sets; measured more densely). */
  readonly tabulated: boolean;
  /** Knots per SGP4 state (1: every knot is one; see `septic-knots.ts`). Always 1 for tabulated objects. */
  readonly sgp4Stride: number;
}

/**
 * Everything derived deterministically from a request before propagation: which objects are screened, their
 * envelopes and knot gaps, the sweep steps and the time chunks. Workers rebuild it from the same request.
 */
export interface ScreeningPlan {
  readonly request: ScreeningRequest;
  readonly objectCount: number;
  readonly thresholdKm: number;
  readonly startUnixMs: number;
  readonly endUnixMs: number;
  readonly stepS: number;
  readonly stepCount: number;
  readonly chunkSteps: number;
  readonly chunkCount: number;
  /** 1 when the object takes part in the sweep. */
  readonly active: Uint8Array;
  /** 1 for primaries (one-vs-all mode only). */
  readonly isPrimary: Uint8Array;
  readonly oneVsAll: boolean;
  readonly envelopes: readonly OrbitEnvelope[];
  readonly knotGapS: Float64Array;
  readonly maxAccelKmS2: Float64Array;
  readonly groups: readonly KnotGroup[];
  /** Exclusions known before propagation (stale element sets, shell filter). */
  readonly exclusions: readonly ScreeningExclusion[];
}

export const DEFAULT_SWEEP_STEP_S = 20;
export const ONE_VS_ALL_SWEEP_STEP_S = 120;
/** Default chunk length, s (540 steps of 20 s): the unit of parallel work and of memory. */
export const CHUNK_SECONDS = 10_800;
/**
 * Interpolation knots relative to 16 per turn, and how many of them share one SGP4 state (the others are
 * manufactured, `septic-knots.ts`). One-vs-all secondaries: 9 knots per turn from 3 SGP4 states, which shrinks
 * their measured error padding from about 205 km (cubic over 4 SGP4 states per turn, as before) to about 41 km
 * (medians, 2023 catalog) with fewer SGP4 calls. All-vs-all keeps 16 knots per turn, one in three an SGP4 state:
 * with the sweep in WebAssembly the knots became a fifth of a chunk's time. Stride 2 halved their SGP4 calls (about
 * 0.2 s of 2.5 s per 3-hour chunk of the full catalog) for about 7 % more refined intervals; stride 3 takes another
 * third of them (knot states per 7-day run 32.3 -> 26.0 million) for 45 % more refined intervals, which the secant
 * refinement made cheap enough: about 2 % less chunk time in alternating runs.
 * Orbits too eccentric for manufactured knots keep cubic interpolation over SGP4 states only, at the eccentric
 * densities (16 per turn, secondaries 4).
 */
export const KNOT_DENSITY = 1;
export const SGP4_STRIDE = 3;
export const ECCENTRIC_KNOT_DENSITY = 1;
export const SECONDARY_KNOT_DENSITY = 0.5625;
export const SECONDARY_SGP4_STRIDE = 3;
export const ECCENTRIC_SECONDARY_KNOT_DENSITY = 0.25;

/** Knot-interval counts within a factor 1.25 share a knot group (see `buildScreeningPlan`). */
const INTERVAL_BUCKET_LOG = Math.log(1.25);

export function buildScreeningPlan(request: ScreeningRequest): ScreeningPlan {
  const n = request.objects.length;
  if (!(request.endUnixMs > request.startUnixMs))
    throw new RangeError('screening window end must follow its start');
  if (!(request.thresholdKm > 0)) throw new RangeError('screening threshold must be positive');
  // One-vs-all sweeps few pairs per step, so a longer step (larger balls, same rigour) costs less.
  const stepS =
    request.sweepStepS ?? (request.primaryIndices ? ONE_VS_ALL_SWEEP_STEP_S : DEFAULT_SWEEP_STEP_S);
  const chunkSteps = request.chunkSteps ?? Math.max(1, Math.round(CHUNK_SECONDS / stepS));
  const windowS = (request.endUnixMs - request.startUnixMs) / 1000;
  const windowDays = windowS / 86_400;
  const stepCount = Math.ceil(windowS / stepS - 1e-9);
  const chunkCount = Math.ceil(stepCount / chunkSteps);
  const active = new Uint8Array(n);
  const isPrimary = new Uint8Array(n);
  const exclusions: ScreeningExclusion[] = [];
  // One-vs-all: secondaries only meet the primaries, so a coarser interpolant (larger, measured error
  // padding, a few more exact refinements) is far cheaper than propagating them densely.
  const primarySet = new Set(request.primaryIndices ?? []);
  const uncovered = new Set<number>();
  const envelopes = request.objects.map((o, i) => {
    if (!o.ephemeris) {
      const secondary = request.primaryIndices !== undefined && !primarySet.has(i);
      return orbitEnvelope(
        o.elementSet,
        windowDays,
        secondary ? SECONDARY_KNOT_DENSITY : KNOT_DENSITY,
        request.sgp4Stride ?? (secondary ? SECONDARY_SGP4_STRIDE : SGP4_STRIDE),
        secondary ? ECCENTRIC_SECONDARY_KNOT_DENSITY : ECCENTRIC_KNOT_DENSITY,
      );
    }
    if (!primarySet.has(i))
      throw new RangeError(`object ${i} is given by an ephemeris: it can only be screened as a primary`);
    if (o.ephemeris.segments.length !== 1)
      throw new RangeError(
        `object ${i}: a request holds one ephemeris segment per object (split with coveragePieces)`,
      );
    const env = tabulatedEnvelope(o, request.startUnixMs, request.endUnixMs);
    if (env) return env;
    uncovered.add(i);
    return PLACEHOLDER_ENVELOPE;
  });
  const knotGapS = new Float64Array(n);
  const maxAccelKmS2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const env = envelopes[i] as OrbitEnvelope;
    knotGapS[i] = env.knotGapS;
    maxAccelKmS2[i] = env.maxAccelKmS2;
    active[i] = 1;
    const es = (request.objects[i] as ScreeningRequest['objects'][number]).elementSet;
    if (!es) {
      if (uncovered.has(i)) {
        active[i] = 0;
        exclusions.push({
          index: i,
          code: 'OUTSIDE_EPHEMERIS',
          detail: 'the ephemeris does not cover the whole window (split the window with coveragePieces)',
        });
      }
      continue;
    }
    const ageDays = (request.startUnixMs - epochUnixMs(es)) / 86_400_000;
    if (request.maxElementSetAgeDays !== undefined && ageDays > request.maxElementSetAgeDays) {
      active[i] = 0;
      exclusions.push({
        index: i,
        code: 'STALE_ELEMENT_SET',
        detail: `element set ${ageDays.toFixed(2)} days old at the window start (limit ${request.maxElementSetAgeDays})`,
      });
    }
  }
  const oneVsAll = request.primaryIndices !== undefined;
  if (request.primaryIndices) {
    for (const p of request.primaryIndices) {
      if (!Number.isInteger(p) || p < 0 || p >= n) throw new RangeError(`primary index ${p} out of range`);
      isPrimary[p] = 1;
    }
    const livePrimaries = request.primaryIndices.filter((p) => active[p] === 1);
    // Radius bounds from SGP4's own formulas over the window (about ±12 km in LEO, where the element-only
    // shell pads by about ±84 km but does not follow SGP4's drag decay): for the ISS 1 secondary in 16 remains.
    const shell = (i: number) =>
      radialRangeKm(
        request.objects[i] as ScreeningObject,
        envelopes[i] as OrbitEnvelope,
        request.startUnixMs,
        request.endUnixMs,
      );
    const primaryShells = livePrimaries.map(shell);
    for (let i = 0; i < n; i++) {
      if (active[i] === 0 || isPrimary[i] === 1) continue;
      const [lo, hi] = shell(i);
      const reachable = primaryShells.some(
        ([pLo, pHi]) => lo <= pHi + request.thresholdKm && pLo <= hi + request.thresholdKm,
      );
      if (!reachable) {
        active[i] = 0;
        exclusions.push({
          index: i,
          code: 'SHELL_FILTER',
          detail: "its radius over the window cannot come within the threshold of any primary's",
        });
      }
    }
  }
  // Group by knot gap, so one bulk propagator per group serves both the measurement and every chunk. A group
  // measures its interpolation error over the most knot intervals any member's orbit needs: at least one orbit
  // plus one for each member (a longer span only raises the measured maximum). Counts are bucketed in steps
  // of 25 % (deep-space orbits of hours to days share the longest gap): 2023 catalog, 317 groups instead of
  // 1,187 all-vs-all and 92 instead of 275 for the ISS against it, so as many fewer propagator calls per chunk,
  // for a measurement at most 25 % longer.
  const byGap = new Map<
    string,
    { gapS: number; orbitIntervals: number; tabulated: boolean; sgp4Stride: number; members: number[] }
  >();
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    const gapS = knotGapS[i] as number;
    const tabulated = request.objects[i]?.ephemeris !== undefined;
    const spanS = tabulated ? windowS : (envelopes[i] as OrbitEnvelope).periodS;
    const orbitIntervals = Math.ceil(spanS / gapS) + 1;
    const sgp4Stride = (envelopes[i] as OrbitEnvelope).sgp4Stride;
    const key = `${tabulated ? 'e' : 's'}/${gapS}/${sgp4Stride}/${Math.floor(Math.log(orbitIntervals) / INTERVAL_BUCKET_LOG)}`;
    const entry = byGap.get(key);
    if (entry) {
      entry.members.push(i);
      entry.orbitIntervals = Math.max(entry.orbitIntervals, orbitIntervals);
    } else byGap.set(key, { gapS, orbitIntervals, tabulated, sgp4Stride, members: [i] });
  }
  // Element-set groups first, in the order they always had (tabulated groups are extra, at the end).
  const groups = [...byGap.values()]
    .sort(
      (a, b) =>
        Number(a.tabulated) - Number(b.tabulated) ||
        a.gapS - b.gapS ||
        a.orbitIntervals - b.orbitIntervals ||
        a.sgp4Stride - b.sgp4Stride,
    )
    .map((g) => ({
      gapS: g.gapS,
      orbitIntervals: g.orbitIntervals,
      tabulated: g.tabulated,
      sgp4Stride: g.sgp4Stride,
      members: Int32Array.from(g.members),
    }));
  return {
    request,
    objectCount: n,
    thresholdKm: request.thresholdKm,
    startUnixMs: request.startUnixMs,
    endUnixMs: request.endUnixMs,
    stepS,
    stepCount,
    chunkSteps,
    chunkCount,
    active,
    isPrimary,
    oneVsAll,
    envelopes,
    knotGapS,
    maxAccelKmS2,
    groups,
    exclusions,
  };
}

/** Stands in for the envelope of a tabulated object that is excluded (no coverage): never used. */
const PLACEHOLDER_ENVELOPE: OrbitEnvelope = {
  perigeeRadiusKm: 0,
  apogeeRadiusKm: 0,
  shellPaddingKm: 0,
  periodS: 86_400,
  maxSpeedKmS: 0,
  maxAccelKmS2: 0,
  knotGapS: 1800,
  sgp4Stride: 1,
};

/**
 * Envelope of a tabulated object over the window, when its segment covers all of it (the pieces of
 * `coverage-pieces.ts` make it so); undefined otherwise.
 */
export function tabulatedEnvelope(
  o: EphemerisObject,
  startUnixMs: number,
  endUnixMs: number,
): OrbitEnvelope | undefined {
  const k = segmentCovering(o.ephemeris, startUnixMs, endUnixMs);
  const segment = o.ephemeris.segments[k];
  if (!segment) return undefined;
  let minSpacingS = Number.POSITIVE_INFINITY;
  for (let i = 1; i < segment.epochsUnixMs.length; i++)
    minSpacingS = Math.min(
      minSpacingS,
      ((segment.epochsUnixMs[i] as number) - (segment.epochsUnixMs[i - 1] as number)) / 1000,
    );
  const source = new EphemerisStateSource({ segments: [segment] });
  if (source.problem !== undefined) return undefined;
  return ephemerisEnvelope(source, startUnixMs, endUnixMs, minSpacingS);
}

/** Time range of chunk `c`, Unix ms: [start, end), the last one ends at the window end. */
export function chunkRange(plan: ScreeningPlan, c: number): { startUnixMs: number; endUnixMs: number } {
  const startUnixMs = plan.startUnixMs + c * plan.chunkSteps * plan.stepS * 1000;
  const endUnixMs = Math.min(
    plan.startUnixMs + (c + 1) * plan.chunkSteps * plan.stepS * 1000,
    plan.endUnixMs,
  );
  return { startUnixMs, endUnixMs };
}
