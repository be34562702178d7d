import { type EphemerisSample, interpolateEphemeris } from '../orbits/ephemeris-interpolation.js';
import { propagateJ2 } from '../orbits/j2-cowell.js';
import type { EphemerisSegment, TabulatedEphemeris } from '../orbits/tabulated-ephemeris.js';
import { propagationErrorByte } from '../propagation/propagation-error.js';

/**
 * How far past either end of a segment's samples states are still given, s. The screening's interpolation knots
 * reach up to two knot gaps (≤ 2 × 1800 s) beyond the window end; states there come from a J2 Cowell extension of
 * the boundary sample. Refinement and reporting never use them: the window lies inside the usable span.
 */
export const EPHEMERIS_EXTENSION_S = 7200;

const OUTSIDE_BYTE = propagationErrorByte('OUTSIDE_EPHEMERIS');

interface PreparedSegment {
  readonly segment: EphemerisSegment;
  /** Times of `samples` count from here, Unix ms. */
  readonly originUnixMs: number;
  readonly firstUnixMs: number;
  readonly lastUnixMs: number;
  readonly samples: readonly EphemerisSample[];
  /** The last samples followed by the J2 extension, and the first samples preceded by it. */
  readonly after: readonly EphemerisSample[];
  readonly before: readonly EphemerisSample[];
}

function sample(tSeconds: number, s: Float64Array, o: number): EphemerisSample {
  return {
    tSeconds,
    positionKm: s.slice(o, o + 3),
    velocityKmS: s.slice(o + 3, o + 6),
  };
}

/** Samples beyond one end: `keep` real samples at that end, then J2-propagated ones at the median spacing. */
function extension(samples: readonly EphemerisSample[], keep: number, forward: boolean): EphemerisSample[] {
  const n = samples.length;
  const gaps: number[] = [];
  for (let i = 1; i < n; i++) gaps.push((samples[i]?.tSeconds ?? 0) - (samples[i - 1]?.tSeconds ?? 0));
  gaps.sort((a, b) => a - b);
  const spacingS = Math.min(Math.max(gaps[Math.floor(gaps.length / 2)] ?? 60, 10), 300);
  const edge = (forward ? samples[n - 1] : samples[0]) as EphemerisSample;
  const state = Float64Array.of(...edge.positionKm, ...edge.velocityKmS);
  const extra: EphemerisSample[] = [];
  const count = Math.ceil(EPHEMERIS_EXTENSION_S / spacingS) + 1;
  for (let k = 1; k <= count; k++) {
    propagateJ2(state, forward ? spacingS : -spacingS);
    extra.push(sample(edge.tSeconds + (forward ? k : -k) * spacingS, state, 0));
  }
  const real = forward ? samples.slice(Math.max(0, n - keep)) : samples.slice(0, Math.min(n, keep));
  return forward ? [...real, ...extra] : [...extra.reverse(), ...real];
}

/**
 * Exact states of one tabulated object: inside a segment's samples, the segment's own interpolation (method and
 * degree as the ephemeris states them); up to `EPHEMERIS_EXTENSION_S` beyond them, the same interpolation over
 * the boundary samples and a J2 extension (continuous in position and velocity at the junction); elsewhere
 * `OUTSIDE_EPHEMERIS`. Where usable spans overlap, the latest-starting segment wins.
 */
export class EphemerisStateSource {
  calls = 0;
  private readonly prepared: readonly PreparedSegment[];
  /** Why the table cannot be used (non-increasing epochs, too few samples), or undefined. */
  readonly problem: string | undefined;

  constructor(readonly ephemeris: TabulatedEphemeris) {
    const prepared: PreparedSegment[] = [];
    let problem: string | undefined;
    ephemeris.segments.forEach((segment, k) => {
      const n = segment.epochsUnixMs.length;
      if (n < 2 || segment.statesTeme.length !== n * 6) {
        problem ??= `segment ${k + 1}: needs at least 2 samples of 6 values, has ${n}`;
        return;
      }
      const origin = segment.epochsUnixMs[0] as number;
      const samples: EphemerisSample[] = [];
      for (let i = 0; i < n; i++) {
        const t = segment.epochsUnixMs[i] as number;
        if (i > 0 && !(t > (segment.epochsUnixMs[i - 1] as number)))
          problem ??= `segment ${k + 1}: sample epochs must increase (sample ${i + 1})`;
        samples.push(sample((t - origin) / 1000, segment.statesTeme, i * 6));
      }
      if (!samples.every((s) => [...s.positionKm, ...s.velocityKmS].every(Number.isFinite)))
        problem ??= `segment ${k + 1}: non-finite state`;
      const keep = Math.min(n, Math.max(2, segment.interpolationDegree + 1));
      prepared.push({
        segment,
        originUnixMs: origin,
        firstUnixMs: origin,
        lastUnixMs: segment.epochsUnixMs[n - 1] as number,
        samples,
        after: problem ? [] : extension(samples, keep, true),
        before: problem ? [] : extension(samples, keep, false),
      });
    });
    if (prepared.length === 0) problem ??= 'no segment';
    this.prepared = prepared;
    this.problem = problem;
  }

  private pick(t: number): { p: PreparedSegment; table: readonly EphemerisSample[] } | undefined {
    let best: PreparedSegment | undefined;
    for (const p of this.prepared) {
      if (p.segment.usableStartUnixMs <= t && t <= p.segment.usableStopUnixMs) {
        if (!best || p.segment.usableStartUnixMs >= best.segment.usableStartUnixMs) best = p;
      }
    }
    if (!best) {
      for (const p of this.prepared) {
        if (p.firstUnixMs <= t && t <= p.lastUnixMs) {
          if (!best || p.firstUnixMs >= best.firstUnixMs) best = p;
        }
      }
    }
    if (best) return { p: best, table: best.samples };
    let nearest: { p: PreparedSegment; table: readonly EphemerisSample[]; distance: number } | undefined;
    for (const p of this.prepared) {
      const distance = t > p.lastUnixMs ? t - p.lastUnixMs : p.firstUnixMs - t;
      if (distance <= EPHEMERIS_EXTENSION_S * 1000 && (!nearest || distance < nearest.distance))
        nearest = { p, table: t > p.lastUnixMs ? p.after : p.before, distance };
    }
    return nearest;
  }

  /** Same contract as `ExactStates.stateAt` for this one object. */
  stateAt(unixMs: number, out: Float64Array, offset = 0): number {
    if (this.problem !== undefined) return OUTSIDE_BYTE;
    const picked = this.pick(unixMs);
    if (!picked) return OUTSIDE_BYTE;
    this.calls += 1;
    const { p, table } = picked;
    const r = interpolateEphemeris(
      table,
      (unixMs - p.originUnixMs) / 1000,
      p.segment.interpolation,
      p.segment.interpolationDegree,
    );
    if (!r.ok) return OUTSIDE_BYTE;
    for (let c = 0; c < 3; c++) {
      out[offset + c] = r.value.positionKm[c] as number;
      out[offset + 3 + c] = r.value.velocityKmS[c] as number;
    }
    return 0;
  }
}
