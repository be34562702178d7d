import { BulkPropagator, type createSingleThreadRuntime, EciBaseCalculator } from 'satellite.js';
import { checkSgp4State } from '../propagation/propagate.js';
import { propagationErrorByte } from '../propagation/propagation-error.js';
import type { ExactStates } from './exact-states.js';
import type { Sgp4States } from './sgp4-states.js';

/**
 * Where a filler writes the state of member m at knot t: `out[(offsetStates + t·timeStride + m·memberStride)·6 + c]`
 * (position km, then velocity km/s, TEME). The sweep asks for time-major knots in place, so no copy is needed.
 */
export interface KnotLayout {
  readonly offsetStates: number;
  readonly memberStride: number;
  readonly timeStride: number;
}

/** Member-major layout, `out[(m·count + t)·6 + c]`. */
export function memberMajorLayout(count: number): KnotLayout {
  return { offsetStates: 0, memberStride: count, timeStride: 1 };
}

/**
 * Source of knot states for the interpolants: SGP4 states of a group of objects at common times
 * `t_k = windowStartUnixMs + k·gapS` for k = kFirst .. kFirst+count-1, written as `layout` says (default
 * member-major); `errors[m * count + t]` is 0 or the SGP4 error number.
 */
export interface KnotFiller {
  fill(
    groupKey: number,
    members: Int32Array,
    windowStartUnixMs: number,
    gapS: number,
    kFirst: number,
    count: number,
    out: Float64Array,
    errors: Uint8Array,
    layout?: KnotLayout,
  ): void;
  /** Free whatever was cached for `groupKey` (one-off batches). */
  release(groupKey: number): void;
  /** Number of object-time states computed so far. */
  readonly evaluations: number;
  dispose(): void;
}

/** Knot states from the exact states (scalar SGP4: exact, slower): used by tests and small catalogs. */
export class ScalarKnotFiller implements KnotFiller {
  evaluations = 0;
  constructor(private readonly states: ExactStates) {}

  fill(
    _groupKey: number,
    members: Int32Array,
    windowStartUnixMs: number,
    gapS: number,
    kFirst: number,
    count: number,
    out: Float64Array,
    errors: Uint8Array,
    layout: KnotLayout = memberMajorLayout(count),
  ): void {
    const { offsetStates, memberStride, timeStride } = layout;
    for (let m = 0; m < members.length; m++) {
      const index = members[m] as number;
      for (let t = 0; t < count; t++) {
        const code = this.states.stateAt(
          index,
          windowStartUnixMs + (kFirst + t) * gapS * 1000,
          out,
          (offsetStates + t * timeStride + m * memberStride) * 6,
        );
        errors[m * count + t] = code;
      }
      this.evaluations += count;
    }
  }

  release(_groupKey: number): void {}

  dispose(): void {}
}

/** The runtime type satellite.js does not export by name. */
export type SingleThreadRuntime = Awaited<ReturnType<typeof createSingleThreadRuntime>>;

type EciPropagator = BulkPropagator<readonly [EciBaseCalculator], SingleThreadRuntime>;

/**
 * Knot states from satellite.js's WASM bulk SGP4 (about 2× faster than scalar calls). One propagator per
 * knot group keeps the element sets resident; only the dates change from chunk to chunk.
 */
export class BulkKnotFiller implements KnotFiller {
  evaluations = 0;
  private readonly propagators = new Map<number, { propagator: EciPropagator; dates: number }>();
  constructor(
    private readonly runtime: SingleThreadRuntime,
    private readonly states: Sgp4States,
  ) {}

  fill(
    groupKey: number,
    members: Int32Array,
    windowStartUnixMs: number,
    gapS: number,
    kFirst: number,
    count: number,
    out: Float64Array,
    errors: Uint8Array,
    layout: KnotLayout = memberMajorLayout(count),
  ): void {
    const { offsetStates, memberStride, timeStride } = layout;
    let entry = this.propagators.get(groupKey);
    // setDates reallocates when a batch has more dates than before; the element sets stay resident.
    if (!entry) {
      const propagator: EciPropagator = new BulkPropagator({
        runtime: this.runtime,
        calculators: [new EciBaseCalculator()] as const,
        satRecsCount: members.length,
        datesCount: count,
      });
      propagator.setSatRecs(
        Array.from(members, (i) => this.states.satrecs[i] as (typeof this.states.satrecs)[number]),
      );
      entry = { propagator, dates: count };
      this.propagators.set(groupKey, entry);
    }
    const dates: Date[] = [];
    for (let t = 0; t < count; t++) dates.push(new Date(windowStartUnixMs + (kFirst + t) * gapS * 1000));
    entry.propagator.setDates(dates);
    entry.propagator.run({ eci: { communityDecayCheckEnabled: true } });
    const raw = entry.propagator.getRawOutput().eci;
    const pos = raw.position;
    const vel = raw.velocity;
    const err = raw.error;
    // The propagator was sized for `entry.dates` dates; with fewer dates the output is packed for `count`.
    for (let m = 0; m < members.length; m++) {
      for (let t = 0; t < count; t++) {
        const src = m * count + t;
        const dst = (offsetStates + t * timeStride + m * memberStride) * 6;
        out[dst] = pos[src * 3] as number;
        out[dst + 1] = pos[src * 3 + 1] as number;
        out[dst + 2] = pos[src * 3 + 2] as number;
        out[dst + 3] = vel[src * 3] as number;
        out[dst + 4] = vel[src * 3 + 1] as number;
        out[dst + 5] = vel[src * 3 + 2] as number;
        let code = err[src] as number;
        if (code === 0) {
          const bad = checkSgp4State(
            out[dst] as number,
            out[dst + 1] as number,
            out[dst + 2] as number,
            out[dst + 3] as number,
            out[dst + 4] as number,
            out[dst + 5] as number,
          );
          if (bad) code = propagationErrorByte(bad);
        }
        errors[src] = code;
      }
    }
    this.evaluations += members.length * count;
  }

  release(groupKey: number): void {
    this.propagators.get(groupKey)?.propagator.dispose();
    this.propagators.delete(groupKey);
  }

  dispose(): void {
    for (const entry of this.propagators.values()) entry.propagator.dispose();
    this.propagators.clear();
  }
}
