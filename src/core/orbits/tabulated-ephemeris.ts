import type { InterpolationMethod } from './ephemeris-interpolation.js';

/**
 * An ephemeris as tables of inertial states in TEME of date, the frame of SGP4 output and hence of the catalog
 * (whoever builds it converts from the source frame; see `src/core/frames/inertial-to-teme.ts`). Plain data with
 * typed arrays, so it crosses worker boundaries by structured clone.
 */
export interface TabulatedEphemeris {
  /** Segments in time order. Each is interpolated on its own: never across a segment boundary (e.g. a manoeuvre). */
  readonly segments: readonly EphemerisSegment[];
}

export interface EphemerisSegment {
  /** Span the states may be used over (the OEM's USEABLE_START/STOP_TIME within the samples), Unix ms UTC. */
  readonly usableStartUnixMs: number;
  readonly usableStopUnixMs: number;
  readonly interpolation: InterpolationMethod;
  /** Polynomial degree as the OEM states it (degree + 1 samples are used, see `interpolateEphemeris`). */
  readonly interpolationDegree: number;
  /** Sample epochs, Unix ms UTC, strictly increasing. */
  readonly epochsUnixMs: Float64Array;
  /** Six values per sample: position km, then velocity km/s, TEME of date. */
  readonly statesTeme: Float64Array;
}

/** A time span, Unix ms UTC, [from, to]. */
export interface TimeSpan {
  readonly fromUnixMs: number;
  readonly toUnixMs: number;
}

/** Usable spans of the ephemeris (overlapping or touching segments joined), in time order. */
export function ephemerisCoverage(ephemeris: TabulatedEphemeris): TimeSpan[] {
  const spans = ephemeris.segments
    .map((s) => ({ fromUnixMs: s.usableStartUnixMs, toUnixMs: s.usableStopUnixMs }))
    .filter((s) => s.toUnixMs > s.fromUnixMs)
    .sort((a, b) => a.fromUnixMs - b.fromUnixMs);
  const out: TimeSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.fromUnixMs <= last.toUnixMs)
      out[out.length - 1] = { fromUnixMs: last.fromUnixMs, toUnixMs: Math.max(last.toUnixMs, s.toUnixMs) };
    else out.push(s);
  }
  return out;
}

/**
 * Index of the segment whose usable span contains all of [fromUnixMs, toUnixMs] (the latest-starting one when
 * segments overlap: the later data supersede), or -1.
 */
export function segmentCovering(ephemeris: TabulatedEphemeris, fromUnixMs: number, toUnixMs: number): number {
  let best = -1;
  ephemeris.segments.forEach((s, k) => {
    if (s.usableStartUnixMs <= fromUnixMs && s.usableStopUnixMs >= toUnixMs) {
      const b = ephemeris.segments[best];
      if (!b || s.usableStartUnixMs >= b.usableStartUnixMs) best = k;
    }
  });
  return best;
}
