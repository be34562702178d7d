import { type OrbitEnvelope, orbitEnvelope, shellsOverlap } from './orbit-envelope.js';
import type { ScreeningExclusion, ScreeningRequest } from './screening-types.js';
import { epochUnixMs } from './sgp4-states.js';

/** Objects sharing one knot gap: they are propagated together (same knot times). */
export interface KnotGroup {
  readonly gapS: number;
  /** Knot intervals covering one orbit plus one (what the interpolation error is measured over). */
  readonly orbitIntervals: number;
  readonly members: Int32Array;
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
/** Knot density of one-vs-all secondaries relative to the default (16 knots per turn → 6). */
export const SECONDARY_KNOT_DENSITY = 0.25;

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
  const envelopes = request.objects.map((o, i) =>
    orbitEnvelope(
      o.elementSet,
      windowDays,
      request.primaryIndices && !primarySet.has(i) ? SECONDARY_KNOT_DENSITY : 1,
    ),
  );
  const knotGapS = new Float64Array(n);
  const maxAccelKmS2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const env = envelopes[i] as OrbitEnvelope;
    knotGapS[i] = env.knotGapS;
    maxAccelKmS2[i] = env.maxAccelKmS2;
    active[i] = 1;
    const es = (request.objects[i] as ScreeningRequest['objects'][number]).elementSet;
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
    for (let i = 0; i < n; i++) {
      if (active[i] === 0 || isPrimary[i] === 1) continue;
      const env = envelopes[i] as OrbitEnvelope;
      const reachable = livePrimaries.some((p) =>
        shellsOverlap(env, envelopes[p] as OrbitEnvelope, request.thresholdKm),
      );
      if (!reachable) {
        active[i] = 0;
        exclusions.push({
          index: i,
          code: 'SHELL_FILTER',
          detail: 'padded perigee/apogee shell cannot reach any primary',
        });
      }
    }
  }
  // Group by knot gap and by knot intervals per orbit (what the error measurement samples), so one bulk
  // propagator per group serves both the measurement and every chunk.
  const byGap = new Map<string, { gapS: number; orbitIntervals: number; members: number[] }>();
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    const gapS = knotGapS[i] as number;
    const orbitIntervals = Math.ceil((envelopes[i] as OrbitEnvelope).periodS / gapS) + 1;
    const key = `${gapS}/${orbitIntervals}`;
    const entry = byGap.get(key);
    if (entry) entry.members.push(i);
    else byGap.set(key, { gapS, orbitIntervals, members: [i] });
  }
  const groups = [...byGap.values()]
    .sort((a, b) => a.gapS - b.gapS || a.orbitIntervals - b.orbitIntervals)
    .map((g) => ({ gapS: g.gapS, orbitIntervals: g.orbitIntervals, members: Int32Array.from(g.members) }));
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

/** Time range of chunk `c`, Unix ms: [start, end), the last one ends at the window end. */
export function chunkRange(plan: ScreeningPlan, c: number): { startUnixMs: number; endUnixMs: number } {
  const startUnixMs = plan.startUnixMs + c * plan.chunkSteps * plan.stepS * 1000;
  const endUnixMs = Math.min(
    plan.startUnixMs + (c + 1) * plan.chunkSteps * plan.stepS * 1000,
    plan.endUnixMs,
  );
  return { startUnixMs, endUnixMs };
}
